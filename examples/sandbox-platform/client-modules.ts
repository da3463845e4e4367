import { consul, dnsmasq, nomad } from "noros";
import { clusterJoin } from "./cluster-join.ts";

/**
 * What runs on each Nomad client: a Consul client agent (Nomad registers its jobs' services and
 * health checks there, and their Envoy sidecars join the Connect mesh), a Nomad client that finds the
 * servers by EC2 tag and runs the sandboxes, and dnsmasq for `.consul` names.
 */
export const clientModules = [
  consul({ server: false, join: clusterJoin, connect: true }),
  nomad({ client: true, join: clusterJoin, docker: true }),
  dnsmasq(),
];
