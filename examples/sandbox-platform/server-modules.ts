import { consul, dnsmasq, nomad } from "noros";
import { clusterJoin } from "./cluster-join.ts";

/**
 * What runs on each of the three servers: a Consul server and a Nomad server, each expecting three
 * for its first quorum, joined by EC2 tag; Connect on (Consul is the mesh's CA, Envoy sidecars read
 * their configuration from it); dnsmasq answering `.consul` names from the local agent.
 */
export const serverModules = [
  consul({ server: true, bootstrapExpect: 3, join: clusterJoin, connect: true, ui: true }),
  nomad({ server: true, bootstrapExpect: 3, join: clusterJoin }),
  dnsmasq(),
];
