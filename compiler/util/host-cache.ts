import { nodesOf, type Graph, type GraphNode } from "../graph.js";

/**
 * The caches that run on a host (`on: { host }`), sorted by name. The Nix target makes each a Redis
 * server; the Terraform target admits its clients and hands the host its auth token's ARN.
 */
export function cachesOnHost(graph: Pick<Graph, "nodes">, host: string): Array<GraphNode<"cache">> {
  return nodesOf(graph, "cache").filter((n) => typeof n.props.on === "object" && n.props.on.host.name === host);
}

/**
 * The host environment variable (in /etc/noros/environment, written by user data) that holds the ARN
 * of a cache's auth token: the ARN is known only once deployed, the NixOS configuration before.
 */
export function cacheAuthArnVariable(cache: string): string {
  return `NOROS_CACHE_${cache.toUpperCase().replace(/-/g, "_")}_AUTH_ARN`;
}
