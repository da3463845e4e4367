import { z } from "zod";
import type { Host } from "../host.js";
import type { Network } from "../network.js";
import { Port, codedString, fail, use } from "./common.js";
import { DataClient } from "./database.js";
import { secretValue } from "./secret.js";

export const CacheNodeType = codedString(
  "NOROS2110",
  (value) => /^cache\.[a-z][a-z0-9-]*\.[a-z0-9]+$/.test(value),
  (value) => `"${value}" is not an ElastiCache node type such as cache.t4g.micro`,
);

export const CacheSchema = z
  .strictObject({
    /**
     * Where Redis runs, the one choice between the managed and the NixOS option: "elasticache" (a
     * replication group, encrypted at rest and in transit) or `{ host }` (a `services.redis` server
     * in that NixOS host's configuration).
     */
    on: z.union([z.literal("elasticache"), z.strictObject({ host: use<Host>("host") })]),
    /**
     * The network the cache is in: for ElastiCache, whose private subnets hold it (required); for a
     * host, the host's own (optional, checked), so that switching `on` is the only change.
     */
    network: use<Network>("network").optional(),
    /** The password clients authenticate with (AUTH): a generated secret's `.value`. */
    authToken: secretValue(),
    /** Hosts and services that connect; nothing else reaches the port. */
    clients: z.array(DataClient).default([]),
    /** The port Redis listens on. */
    port: Port.default(6379),
    /** ElastiCache only: the node type. */
    nodeType: CacheNodeType.default("cache.t4g.micro"),
    /** ElastiCache only: read replicas besides the primary; with one or more, failover is automatic. */
    replicas: z.number().int().min(0).max(5).default(0),
  })
  .superRefine((value, ctx) => {
    if (value.on === "elasticache" && value.network === undefined) fail(ctx, "NOROS2009", 'a cache on "elasticache" needs a network', ["network"]);
  });

export type CacheInput = z.input<typeof CacheSchema>;
export type CacheProps = z.output<typeof CacheSchema>;
