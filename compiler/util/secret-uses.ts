import type { Graph, GraphNode, Use } from "../graph.js";

/** Who reads a secret at run time, and through which of their identities. */
export interface SecretUse {
  readonly principal: Use<"host" | "user" | "service">;
  /**
   * "own": the principal's own identity (a host's role, a user, a service's task role);
   * "execution": an ECS service's execution role, which fetches `secrets` before the container starts.
   */
  readonly identity: "own" | "execution";
  readonly reason: string;
}

/**
 * Every reader of every secret, derived from the graph: the secret's declared `readers`, services that
 * take it as one of their `secrets`, and the host that runs a cache whose auth token it is (the host
 * fetches it at boot). IAM grants, ECS execution policies and KMS key policies all come from this one
 * list, so they cannot disagree. Both targets and resolve use it, hence its place in util.
 */
export function secretUses(graph: Pick<Graph, "nodes">): ReadonlyMap<string, readonly SecretUse[]> {
  const uses = new Map<string, SecretUse[]>();
  const add = (secret: string, use: SecretUse) => uses.set(secret, [...(uses.get(secret) ?? []), use]);
  for (const node of graph.nodes) {
    if (node.kind === "secret") {
      for (const reader of (node as GraphNode<"secret">).props.readers) {
        add(node.name, { principal: reader as Use<"host" | "user" | "service">, identity: "own", reason: `reader of secret "${node.name}"` });
      }
    }
    if (node.kind === "service" && (node as GraphNode<"service">).props.run) {
      for (const [variable, ref] of Object.entries((node as GraphNode<"service">).props.secrets).sort(([a], [b]) => (a < b ? -1 : 1))) {
        if (ref.kind !== "secret") continue;
        add(ref.name, { principal: { $noros: "use", kind: "service", name: node.name }, identity: "execution", reason: `secret ${variable} of service "${node.name}"` });
      }
    }
    if (node.kind === "cache") {
      const cache = node as GraphNode<"cache">;
      if (typeof cache.props.on === "object" && cache.props.authToken.kind === "secret") {
        add(cache.props.authToken.name, { principal: { $noros: "use", kind: "host", name: cache.props.on.host.name }, identity: "own", reason: `host of cache "${node.name}", which fetches its auth token at boot` });
      }
    }
  }
  // One entry per principal and identity: a reader declared twice needs one statement.
  for (const [secret, list] of uses) {
    const seen = new Set<string>();
    uses.set(secret, list.filter((u) => {
      const key = `${u.principal.kind}\u0000${u.principal.name}\u0000${u.identity}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }));
  }
  return uses;
}

/** Where a secret is kept: Secrets Manager (generated or existing) or SSM Parameter Store. */
export function secretStore(secret: GraphNode<"secret">): "secretsmanager" | "ssm" {
  return secret.props.ssmParameter !== undefined ? "ssm" : "secretsmanager";
}

/** What using a KMS key means: cryptographic operations only, never its administration. */
export const kmsUseActions = ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey"] as const;
