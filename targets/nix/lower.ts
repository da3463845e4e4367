import type { Artefact } from "../../compiler/artefact.js";
import { nodesOf, type Graph, type GraphNode } from "../../compiler/graph.js";
import { systemFlake } from "./flake.js";
import { hostConfiguration } from "./host-configuration.js";

export interface NixOutput {
  /** Every NixOS host's configuration text, for the Terraform target to deliver. */
  readonly hosts: ReadonlyArray<{ readonly host: string; readonly configuration: string }>;
  readonly artefacts: readonly Artefact[];
}

/** One `nix/<host>/configuration.nix` per NixOS host, and `nix/flake.nix` pinning nixpkgs for all of them. */
export function lowerNix(graph: Graph): NixOutput {
  // A host group's instances share one configuration; its props are a host's (HostGroupSchema extends HostSchema).
  const nodes = [...nodesOf(graph, "host"), ...(nodesOf(graph, "host-group") as unknown as Array<GraphNode<"host">>)].filter((h) => h.props.os === "nixos");
  const hosts = nodes.map((h) => ({ host: h.name, configuration: hostConfiguration(graph, h) }));
  const artefacts: Artefact[] = hosts.map((h) => ({ path: `nix/${h.host}/configuration.nix`, contents: h.configuration }));
  if (nodes.length > 0) artefacts.push({ path: "nix/flake.nix", contents: systemFlake(graph, nodes.map((h) => ({ name: h.name, instanceType: h.props.instanceType }))) });
  return { hosts, artefacts };
}
