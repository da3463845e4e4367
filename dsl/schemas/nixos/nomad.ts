import { z } from "zod";
import { DatacenterName, TagJoin } from "./common.js";

/** A Nomad agent: server, client, or both, joined by EC2 tags, using the local Consul agent for services and Connect. */
export const NomadSchema = z.strictObject({
  server: z.boolean().default(false),
  /** For servers: how many servers form the first quorum. */
  bootstrapExpect: z.number().int().min(1).max(7).optional(),
  /** Run workloads (a client). Clients run as root: they start containers and VMs. */
  client: z.boolean().default(false),
  datacenter: DatacenterName.default("dc1"),
  /** Cloud auto-join of servers (clients use it to find the servers). */
  join: TagJoin,
  /** The Docker driver (jobs' Connect sidecars run Envoy in containers). */
  docker: z.boolean().default(true),
});

export type NomadInput = z.input<typeof NomadSchema>;
export type NomadProps = z.output<typeof NomadSchema>;
