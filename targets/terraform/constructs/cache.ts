/**
 * Redis, by one field. `on: "elasticache"`: a replication group in the network's private subnets,
 * encrypted at rest and in transit (TLS required), AUTH with the generated token, in its own security
 * group. `on: { host }`: a Redis server in the host's NixOS configuration (targets/nix/cache.ts);
 * here only the flows from its clients into the host's group. Either way its clients may leave
 * towards exactly that port, and `endpoint`/`port` are locals that hide which one it is.
 */
import type { GraphNode } from "../../../compiler/graph.js";
import type { TerraformDocument } from "../document.js";
import { interpolate } from "../expression.js";
import { localName, nameTag, physicalName } from "../naming.js";
import { allowIngress, securityGroupOf } from "../security-groups.js";
import { subnetId } from "./network.js";
import { generatedValue } from "./secret.js";

/** The Redis OSS version of ElastiCache replication groups (7.1 is the newest Redis OSS ElastiCache runs). */
export const ELASTICACHE_REDIS_VERSION = "7.1";

export function lowerCache(node: GraphNode<"cache">, tf: TerraformDocument, networks: ReadonlyMap<string, GraphNode<"network">>): void {
  const n = node.name;
  const { props } = node;
  const on = props.on;
  const server = typeof on === "object" ? securityGroupOf("host", on.host.name) : securityGroupOf("cache", n);

  if (typeof on !== "object") {
    const network = networks.get((props.network as { name: string }).name) as GraphNode<"network">;
    tf.resource("aws_elasticache_subnet_group", n, { name: physicalName(n), description: `noros cache ${n}: the private subnets of ${network.name}`, subnet_ids: network.props.privateSubnets.map((_c, i) => subnetId(network, "private", i)), tags: nameTag(n) }, n);
    tf.resource("aws_security_group", localName(n, "cache"), { name: physicalName(n, "cache"), description: `noros cache ${n}: Redis from its clients only`, vpc_id: interpolate(`aws_vpc.${network.name}.id`), tags: nameTag(n, "cache") }, n);
    const replicated = props.replicas > 0;
    tf.resource(
      "aws_elasticache_replication_group",
      n,
      {
        replication_group_id: physicalName(n),
        description: `noros cache ${n}`,
        engine: "redis",
        engine_version: ELASTICACHE_REDIS_VERSION,
        node_type: props.nodeType,
        num_cache_clusters: 1 + props.replicas,
        port: props.port,
        automatic_failover_enabled: replicated,
        multi_az_enabled: replicated,
        subnet_group_name: interpolate(`aws_elasticache_subnet_group.${n}.name`),
        security_group_ids: [interpolate(`${server}.id`)],
        at_rest_encryption_enabled: true,
        transit_encryption_enabled: true,
        // "required": a client without TLS is refused, not merely discouraged.
        transit_encryption_mode: "required",
        auth_token: generatedValue(props.authToken.name),
        auth_token_update_strategy: "ROTATE",
        auto_minor_version_upgrade: true,
        snapshot_retention_limit: 1,
        tags: nameTag(n),
      },
      n,
    );
    tf.local(localName(n, "cache_endpoint"), interpolate(`aws_elasticache_replication_group.${n}.primary_endpoint_address`), n);
    tf.local(localName(n, "cache_port"), interpolate(`aws_elasticache_replication_group.${n}.port`), n);
  } else {
    tf.local(localName(n, "cache_endpoint"), interpolate(`aws_instance.${on.host.name}.private_ip`), n);
    tf.local(localName(n, "cache_port"), props.port, n);
  }

  for (const client of props.clients) {
    // The cache's own host reaches it over loopback, which no security group sees.
    if (typeof on === "object" && client.kind === "host" && client.name === on.host.name) continue;
    // The client's matching egress comes with the rule (allowIngress gives a construct sender one).
    const receiver = typeof on === "object" ? { kind: "host", name: on.host.name } : { kind: "cache", name: n };
    allowIngress(tf, { to: server, name: localName(n, "from", client.name), from: client, port: props.port, protocol: "tcp", description: `Redis of cache ${n} from ${client.kind} ${client.name}`, origin: n, receiver });
  }
}
