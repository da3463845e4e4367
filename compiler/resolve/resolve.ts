import { attributesByKind } from "../../dsl/attributes.js";
import type { ConstructKind } from "../../dsl/schemas/index.js";
import type { CheckedNode, CheckedSystem } from "../check/check.js";
import { positionOfPath } from "../check/positions.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { AnyNode, Edge, Grant, Graph, GraphNode, Waiver } from "../graph.js";
import type { SourceFileRecord } from "../load/load.js";
import { computeConsistency } from "./compute-consistency.js";
import { clusterConsistency } from "./clusters.js";
import { findCycles } from "./cycles.js";
import { edgeDiagnostics } from "./edge.js";
import { deriveFlows, flowDiagnostics } from "./flows.js";
import { bucketGrants, functionGrants, hostGrants, imageBuildGrants, kmsKeyGrants, secretGrants } from "./grants.js";
import { imageBuildConsistency } from "./image-builds.js";
import { moduleGrants } from "./module-grants.js";
import { moduleConsistency } from "./module-consistency.js";
import { overlappingObjectTriggers } from "./object-triggers.js";
import { secretUses } from "../util/secret-uses.js";
import { dataConsistency } from "./data-consistency.js";
import { pipelinesConsistency } from "./pipelines.js";
import { findReferences } from "./walk-values.js";

/**
 * Properties that declare a permission, not a dependency: they never make a cycle. A database's or
 * cache's `clients` are admitted by security group rules, separate resources that depend on both
 * sides, so a client may refer to its database's endpoint; a key's `users` are named in its key
 * policy by role, which the instance or task using them does not wait for either.
 */
const relationshipProperties = new Set(["readers", "writers", "publishesTo", "controls", "clients", "users", "pullers"]);

export interface ResolveResult {
  readonly graph: Graph | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Names are unique, every use and reference points at a construct of the system, dependencies form no
 * cycle, and what the constructs ask of each other is consistent. Then permissions are derived.
 */
export function resolve(system: CheckedSystem, checked: readonly CheckedNode[], sources: readonly SourceFileRecord[]): ResolveResult {
  const diagnostics: Diagnostic[] = [];
  const byName = new Map<string, CheckedNode>();
  for (const node of checked) {
    const first = byName.get(node.name);
    if (first) {
      diagnostics.push(
        diagnostic(node.pos, "NOROS3001", `the name "${node.name}" is used twice (a ${first.kind} and a ${node.kind})`, {
          hint: `the first is at ${first.pos.file}:${first.pos.line}:${first.pos.col}; names must be unique within a system`,
        }),
      );
      continue;
    }
    byName.set(node.name, node);
  }

  const edges: Edge[] = [];
  const systemNode = { kind: "system", name: system.name, props: system.props, pos: system.pos, propPos: system.propPos };
  for (const node of [...byName.values(), systemNode]) {
    for (const found of findReferences(node.props)) {
      const target = "use" in found ? found.use : found.ref;
      const at = positionOfPath(node as never, found.path, node.pos);
      const resolved = byName.get(target.name);
      if (!resolved || resolved.kind !== target.kind) {
        diagnostics.push(
          diagnostic(at, "NOROS3002", `${target.kind} "${target.name}" is referred to here but is not part of the system`, {
            hint: `add it to the system's resources`,
          }),
        );
        continue;
      }
      if ("ref" in found && !Object.hasOwn(attributesByKind[found.ref.kind] ?? {}, found.ref.attribute)) {
        diagnostics.push(diagnostic(at, "NOROS3003", `a ${found.ref.kind} has no attribute "${found.ref.attribute}"`));
        continue;
      }
      if (node === systemNode) continue;
      const via = found.path[0] ?? "";
      // Admitting traffic from a construct (ingress[i].from) orders nothing: two hosts may admit each other.
      const kind = found.path.includes("ingress") && found.path.at(-1) === "from" ? "flows" : relationshipProperties.has(via) ? "grants" : "use" in found ? "uses" : "refers";
      edges.push({ from: node.name, to: target.name, kind, via });
    }
  }

  for (const cycle of findCycles([...byName.keys()], edges)) {
    const first = byName.get(cycle[0] as string) as CheckedNode;
    diagnostics.push(
      diagnostic(first.pos, "NOROS3004", `dependency cycle: ${cycle.join(" → ")}`, {
        hint: "a construct cannot depend on itself, even through others; remove one of the references",
      }),
    );
  }

  const nodes = [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) as unknown as AnyNode[];
  diagnostics.push(...consistency(nodes, byName), ...flowDiagnostics(nodes, byName), ...edgeDiagnostics(nodes, byName), ...overlappingObjectTriggers(nodes, byName), ...computeConsistency(nodes, byName), ...clusterConsistency(nodes, byName));
  diagnostics.push(...dataConsistency(nodes, byName, system));
  diagnostics.push(...pipelinesConsistency(nodes, byName, system), ...imageBuildConsistency(nodes, byName));
  if (diagnostics.length > 0) return { graph: undefined, diagnostics };

  const uses = secretUses({ nodes });
  const grants: Grant[] = nodes.flatMap((node) => {
    if (node.kind === "bucket") return bucketGrants(node);
    if (node.kind === "host" || node.kind === "host-group") return [...hostGrants(node), ...moduleGrants(node)];
    if (node.kind === "secret") return secretGrants(node, uses.get(node.name) ?? []);
    if (node.kind === "kms-key") return kmsKeyGrants(node);
    if (node.kind === "function") return functionGrants(node);
    if (node.kind === "image-build") return imageBuildGrants(node, system.props.region);
    return [];
  });
  const waivers: Waiver[] = [...byName.values()]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((node) => node.waivers.map((w) => ({ construct: node.name, kind: node.kind, rule: w.rule ?? "", reason: (w.reason ?? "").trim(), pos: w.pos ?? node.pos })));
  return { graph: { system, nodes, edges: dedupe(edges), grants, flows: deriveFlows(nodes), waivers, sources, hostConfigurations: new Map(), serviceSources: new Map(), functionSources: new Map(), installScripts: new Map() }, diagnostics };
}

function dedupe(edges: readonly Edge[]): Edge[] {
  const seen = new Set<string>();
  return edges.filter((e) => {
    const key = `${e.from}\u0000${e.to}\u0000${e.kind}\u0000${e.via}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What one construct asks of another: a public subnet that exists, an S3 endpoint to restrict to. */
function consistency(nodes: readonly AnyNode[], byName: ReadonlyMap<string, CheckedNode>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (node: AnyNode, property: string) => positionOfPath(byName.get(node.name) as never, [property], node.pos);
  const networks = nodesByName(nodes, "network");
  const network = (name: string) => networks.get(name);
  const services = nodesByName(nodes, "service");
  for (const node of nodes) {
    if (node.kind === "host" || node.kind === "host-group") out.push(...moduleConsistency(node, byName.get(node.name) as CheckedNode));
    if (node.kind === "host") {
      const net = network(node.props.network.name);
      const subnets = node.props.subnet === "public" ? net?.props.publicSubnets : net?.props.privateSubnets;
      if (net && subnets && subnets.length === 0) {
        out.push(diagnostic(at(node, "subnet"), "NOROS3005", `host "${node.name}" wants a ${node.props.subnet} subnet, but network "${net.name}" has none`));
      }
    }
    if (node.kind === "service") {
      for (const [variable, secret] of Object.entries(node.props.secrets)) {
        if (attributesByKind[secret.kind]?.[secret.attribute] === "secret") continue;
        out.push(
          diagnostic(positionOfPath(byName.get(node.name) as never, ["secrets", variable], node.pos), "NOROS3030", `secret ${variable} of service "${node.name}" refers to ${secret.kind} "${secret.name}" ${secret.attribute}, which is not a secret`, {
            hint: "give a secret construct's reference; other values are refused so that a secret never lands in an image or a plain-text variable",
          }),
        );
      }
    }
    if (node.kind === "bucket") {
      for (const field of ["readers", "writers"] as const) {
        (node.props[field] as Array<{ kind: string; name: string }>).forEach((principal, index) => {
          if (principal.kind !== "service" || services.get(principal.name)?.props.run) return;
          out.push(
            diagnostic(positionOfPath(byName.get(node.name) as never, [field, String(index)], node.pos), "NOROS3007", `service "${principal.name}" is given access to bucket "${node.name}" but does not run in the cloud, so it has no role to hold the permission`, {
              hint: "give the service run: { on: \"ecs\", network } or run: { on: \"eks\", cluster }",
            }),
          );
        });
      }
    }
    if (node.kind === "bucket" && node.props.restrictTo) {
      const net = network(node.props.restrictTo.name);
      if (net && !net.props.s3Endpoint) {
        out.push(
          diagnostic(at(node, "restrictTo"), "NOROS3006", `bucket "${node.name}" is restricted to network "${net.name}", which has no S3 endpoint`, {
            hint: "set s3Endpoint: true on the network",
          }),
        );
      }
    }
  }
  return out;
}

function nodesByName<K extends ConstructKind>(nodes: readonly AnyNode[], kind: K): Map<string, GraphNode<K>> {
  return new Map(nodes.filter((n) => n.kind === kind).map((n) => [n.name, n as unknown as GraphNode<K>]));
}
