import { z } from "zod";
import { Port } from "../common.js";
import { DatacenterName, TagJoin } from "./common.js";

const Check = z.strictObject({
  /** An HTTP path on the service's port that answers 2xx when healthy. */
  http: z.string().regex(/^\/[^\s]*$/, "a check path starts with /"),
  /** How often Consul probes it, in seconds. */
  intervalSeconds: z.number().int().min(1).max(3600).default(10),
});

const Service = z.strictObject({
  name: DatacenterName,
  port: Port,
  check: Check.optional(),
  /** Register a Connect (Envoy) sidecar so the service joins the mesh. */
  connect: z.boolean().default(false),
});

/** A Consul agent: a server of a quorum or a client, joined by EC2 tags, with Connect and Prometheus telemetry. */
export const ConsulSchema = z.strictObject({
  /** Server (holds the catalogue, votes in Raft) or client. */
  server: z.boolean().default(false),
  /** For servers: how many servers form the first quorum (3 tolerates the loss of one). */
  bootstrapExpect: z.number().int().min(1).max(7).optional(),
  datacenter: DatacenterName.default("dc1"),
  /** Cloud auto-join: every host tagged so is tried, repeatedly, until the agent has joined. */
  join: TagJoin,
  /** Consul Connect: the service mesh, its CA, and the gRPC port Envoy sidecars read their configuration from. */
  connect: z.boolean().default(true),
  /** Serve the web UI on the HTTP port (reachable from the network only). */
  ui: z.boolean().default(false),
  /** Services this agent registers, with their health checks. */
  services: z.array(Service).default([]),
});

export type ConsulInput = z.input<typeof ConsulSchema>;
export type ConsulProps = z.output<typeof ConsulSchema>;
