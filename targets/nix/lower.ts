import type { Artefact } from "../../compiler/artefact.js";
import { nodesOf, type Graph, type GraphNode } from "../../compiler/graph.js";
import { systemFlake } from "./flake.js";
import { hostConfiguration } from "./host-configuration.js";
import { packerTemplate } from "./packer.js";

export interface NixOutput {
  /** Every NixOS host's configuration text, for the Terraform target to deliver. */
  readonly hosts: ReadonlyArray<{ readonly host: string; readonly configuration: string }>;
  readonly artefacts: readonly Artefact[];
}

/**
 * One `nix/<host>/configuration.nix` per NixOS host, `nix/flake.nix` pinning nixpkgs for all of them,
 * and `packer/<host>.pkr.json` for each host that asks for a baked AMI.
 */
export function lowerNix(graph: Graph): NixOutput {
  // A host group's instances share one configuration; its props are a host's (HostGroupSchema extends HostSchema).
  const nodes = [...nodesOf(graph, "host"), ...(nodesOf(graph, "host-group") as unknown as Array<GraphNode<"host">>)].filter((h) => h.props.os === "nixos");
  const hosts = nodes.map((h) => ({ host: h.name, configuration: hostConfiguration(graph, h) }));
  const artefacts: Artefact[] = hosts.map((h) => ({ path: `nix/${h.host}/configuration.nix`, contents: h.configuration }));
  // Hosts with `bake: true`: a Packer template that bakes that configuration into an AMI.
  for (const node of nodes.filter((h) => h.props.bake)) {
    const configuration = hosts.find((h) => h.host === node.name)?.configuration as string;
    artefacts.push({ path: `packer/${node.name}.pkr.json`, contents: packerTemplate(graph, node, configuration) });
  }
  if (nodes.length > 0) artefacts.push({ path: "nix/flake.nix", contents: systemFlake(graph, nodes.map((h) => ({ name: h.name, instanceType: h.props.instanceType }))) });
  return { hosts, artefacts };
}
