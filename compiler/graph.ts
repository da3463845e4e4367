import type { ConstructKind, PropsOf, RefValue, TextValue, Use } from "../dsl/schemas/index.js";
import type { SourcePosition } from "./diagnostics/diagnostic.js";
import type { CheckedSystem } from "./check/check.js";
import type { SourceFileRecord } from "./load/load.js";

/**
 * The resolved system every target lowers: constructs with validated properties, the dependencies
 * between them, and the permissions their relationships grant. Targets read it; they never change it.
 */
export interface GraphNode<K extends ConstructKind = ConstructKind> {
  readonly kind: K;
  readonly name: string;
  readonly props: PropsOf<K>;
  readonly pos: SourcePosition;
}

export type AnyNode = { [K in ConstructKind]: GraphNode<K> }[ConstructKind];

/**
 * "uses" and "refers" are dependencies (the target must exist first); "grants" and "flows" are
 * permissions (IAM, or traffic a security group admits), which never order creation.
 */
export type EdgeKind = "uses" | "refers" | "grants" | "flows";

export interface Edge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  /** The property that created the edge, e.g. "readers" or "network". */
  readonly via: string;
}

/** Construct kinds that can hold permissions (a role, a user or a group of theirs). */
export type PrincipalKind = "host" | "host-group" | "user" | "group" | "service" | "function" | "image-build";

/** One permission derived from a declared relationship (a reader of a bucket, a publisher to a topic). */
export interface Grant {
  readonly principal: Use<PrincipalKind>;
  readonly sid: string;
  readonly actions: readonly string[];
  /** Each resource is text: literal parts and references (a bucket's ARN followed by "/*"). */
  readonly resources: readonly TextValue[];
  /** Why the grant exists, in the author's terms. */
  readonly reason: string;
  /** Conditions narrowing the grant further (an IAM condition block each). */
  readonly conditions?: ReadonlyArray<{ readonly test: string; readonly variable: string; readonly values: readonly TextValue[] }>;
}

/** Construct kinds that own a security group, so that traffic can be admitted from or to them. */
export type FlowKind = "host" | "host-group" | "service" | "load-balancer";

/** Where a flow comes from: an address range, the range of a network, or another construct. */
export type FlowOrigin = { readonly cidr: string } | { readonly network: string } | Use<FlowKind>;

/**
 * Traffic one construct admits, derived from declarations (a host's ingress, a service's run.ingress
 * or its network by default): the single list security groups and host firewalls are both made from.
 */
export interface Flow {
  readonly to: Use<FlowKind>;
  readonly from: FlowOrigin;
  readonly port: number;
  readonly protocol: "tcp" | "udp";
  readonly description: string;
  /** Suffixes of the receiver's name that name the rule (["ingress", 0]): stable from compile to compile. */
  readonly label: ReadonlyArray<string | number>;
  /** The construct whose declaration the flow comes from. */
  readonly declaredBy: string;
}

/** A NixOS host's configuration, produced by the nix target and consumed by the terraform target. */
export interface HostConfiguration {
  readonly host: string;
  readonly configuration: string;
  readonly sha256: string;
}

/** One file of a service's source directory, as the compiler read it. */
export interface ServiceSourceFile {
  /** Relative to the source directory, with forward slashes. */
  readonly path: string;
  readonly contents: Uint8Array;
  readonly executable: boolean;
}

/**
 * A service's source directory, read by the compiler (targets do no I/O): the docker target copies it
 * into the build context so that the output is self-contained.
 */
export interface ServiceSource {
  readonly service: string;
  /** Absolute path of the directory, for messages only: nothing generated depends on it. */
  readonly dir: string;
  /** Sorted by path. */
  readonly files: readonly ServiceSourceFile[];
  /** sha256 over every file's path, mode and contents: the image's revision. */
  readonly sha256: string;
}

/** A function's source directory, read by the compiler (targets do no I/O) and zipped by the terraform target. */
export interface FunctionSource {
  readonly function: string;
  /** Absolute path of the directory, for messages only: nothing generated depends on it. */
  readonly dir: string;
  /** Sorted by path. */
  readonly files: readonly ServiceSourceFile[];
}

/** A host's install script, read by the compiler for the Terraform target (user data, or staged in S3). */
export interface InstallScript {
  readonly host: string;
  /** Absolute path, for messages and --watch only: nothing generated depends on it. */
  readonly file: string;
  readonly text: string;
  readonly sha256: string;
}

/**
 * A security-policy rule waived for one construct by `waive(construct, rule, reason)`. Rule and reason
 * are as written (empty when not a string): the policy check reports unknown rules and missing reasons.
 */
export interface Waiver {
  readonly construct: string;
  readonly kind: ConstructKind;
  readonly rule: string;
  readonly reason: string;
  /** The waive() call. */
  readonly pos: SourcePosition;
}

export interface Graph {
  readonly system: CheckedSystem;
  /** Sorted by name: the order of everything generated from the graph. */
  readonly nodes: readonly AnyNode[];
  readonly edges: readonly Edge[];
  readonly grants: readonly Grant[];
  /** Sorted by receiver, then in declaration order; no two with the same receiver, origin, port and protocol. */
  readonly flows: readonly Flow[];
  /** Every waiver given in the system, by construct name then position. */
  readonly waivers: readonly Waiver[];
  readonly sources: readonly SourceFileRecord[];
  /** Artefacts one target hands another (through the graph, so targets never import each other). */
  readonly hostConfigurations: ReadonlyMap<string, HostConfiguration>;
  /** Each service's source files, read by the compiler for the docker target. */
  readonly serviceSources: ReadonlyMap<string, ServiceSource>;
  /** Each function's source files, read by the compiler; the terraform target zips them. */
  readonly functionSources?: ReadonlyMap<string, FunctionSource>;
  /** Each host's install script (`install: "./install.sh"`), by host name. */
  readonly installScripts: ReadonlyMap<string, InstallScript>;
}

/*
 * Lookups by kind, name and receiver are indexed once per graph: lowering asks them for every node, and
 * a scan each time would make compiling a system quadratic in its size. The graph is immutable, so an
 * index never goes stale; a derived graph (`{ ...graph, ... }`) is a new key and gets its own.
 */
const byKind = new WeakMap<object, Map<string, AnyNode[]>>();
const byName = new WeakMap<object, Map<string, AnyNode>>();
const flowsByReceiver = new WeakMap<object, Map<string, Flow[]>>();

export function nodesOf<K extends ConstructKind>(graph: Pick<Graph, "nodes">, kind: K): ReadonlyArray<GraphNode<K>> {
  let index = byKind.get(graph);
  if (!index) {
    index = new Map();
    for (const node of graph.nodes) {
      const list = index.get(node.kind);
      if (list) list.push(node);
      else index.set(node.kind, [node]);
    }
    byKind.set(graph, index);
  }
  return (index.get(kind) ?? []) as unknown as ReadonlyArray<GraphNode<K>>;
}

export function nodeNamed(graph: Pick<Graph, "nodes">, name: string): AnyNode | undefined {
  let index = byName.get(graph);
  if (!index) {
    index = new Map(graph.nodes.map((n) => [n.name, n]));
    byName.set(graph, index);
  }
  return index.get(name);
}

/** The flows a construct receives, in the graph's order. */
export function flowsTo(graph: Pick<Graph, "flows">, kind: FlowKind, name: string): readonly Flow[] {
  let index = flowsByReceiver.get(graph);
  if (!index) {
    index = new Map();
    for (const flow of graph.flows) {
      const key = `${flow.to.kind}\0${flow.to.name}`;
      const list = index.get(key);
      if (list) list.push(flow);
      else index.set(key, [flow]);
    }
    flowsByReceiver.set(graph, index);
  }
  return index.get(`${kind}\0${name}`) ?? [];
}

export type { RefValue, TextValue, Use };
