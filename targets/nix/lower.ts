import type { Artefact } from "../../compiler/artefact.js";
import { nodesOf, type Graph } from "../../compiler/graph.js";
import { hostConfiguration } from "./host-configuration.js";

export interface NixOutput {
  /** Every NixOS host's configuration text, for the Terraform target to deliver. */
  readonly hosts: ReadonlyArray<{ readonly host: string; readonly configuration: string }>;
  readonly artefacts: readonly Artefact[];
}

/** One `nix/<host>/configuration.nix` per NixOS host. */
export function lowerNix(graph: Graph): NixOutput {
  const hosts = nodesOf(graph, "host")
    .filter((h) => h.props.os === "nixos")
    .map((h) => ({ host: h.name, configuration: hostConfiguration(graph, h) }));
  return { hosts, artefacts: hosts.map((h) => ({ path: `nix/${h.host}/configuration.nix`, contents: h.configuration })) };
}
