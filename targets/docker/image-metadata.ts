import type { Graph, GraphNode, ServiceSource } from "../../compiler/graph.js";
import type { TextValue } from "../../dsl/schemas/index.js";

/** Literal environment values go into the image; references are known only once deployed (the orchestrator sets them). */
export function literalEnvironment(node: GraphNode<"service">): { literal: Record<string, string>; deferred: string[] } {
  const literal: Record<string, string> = {};
  const deferred: string[] = [];
  for (const [name, value] of Object.entries(node.props.environment)) {
    if (typeof value === "string") literal[name] = value;
    else if (value.$noros === "text" && (value as TextValue).parts.every((p) => typeof p === "string")) literal[name] = (value as TextValue).parts.join("");
    else deferred.push(name);
  }
  return { literal, deferred: deferred.sort() };
}

export function imageLabels(graph: Graph, node: GraphNode<"service">, source: ServiceSource, sourceLabel: string, baseImage: string): Record<string, string> {
  return {
    "org.opencontainers.image.title": node.name,
    "org.opencontainers.image.description": `service "${node.name}" of the noros system "${graph.system.name}"`,
    "org.opencontainers.image.source": sourceLabel,
    "org.opencontainers.image.revision": `sha256:${source.sha256}`,
    "org.opencontainers.image.base.name": baseImage,
    "io.noros.system": graph.system.name,
    "io.noros.service": node.name,
  };
}

