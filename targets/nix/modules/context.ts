import type { Graph, GraphNode } from "../../../compiler/graph.js";
import type { NixExpr } from "../ast.js";

/** What a module's lowering may know about the host it runs on. */
export interface ModuleContext {
  readonly graph: Graph;
  readonly host: GraphNode<"host">;
  /** The CIDR block of the host's network (the VPC). */
  readonly networkCidr: string;
  readonly region: string;
}

/**
 * One module's own part of the host configuration: a NixOS module (an attribute set) that the host's
 * configuration imports, so NixOS merges lists and sets from several modules as it does for any
 * modules, and each module's options stay together under its comment.
 */
export interface LoweredModule {
  /** The comment above the module's part, saying what it is. */
  readonly title: string;
  /** Dotted option paths (split at dots) to values, as in nix.attrs. */
  readonly options: Readonly<Record<string, NixExpr>>;
  /** Packages nixpkgs marks unfree that this module needs (their licences are accepted by name only). */
  readonly unfree?: readonly string[];
}
