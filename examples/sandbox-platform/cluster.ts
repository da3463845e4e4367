import { host, lazy } from "noros";
import { api } from "./api.ts";
import { network } from "./network.ts";

/** Nomad (HTTP, RPC, Serf) and Consul (server RPC, LAN gossip, HTTP, DNS) inside the VPC only. */
const clusterPorts = [4646, 4647, 4648, 8300, 8301, 8500, 8600];
export const fromVpc = clusterPorts.map((port) => ({
  port,
  from: "10.40.0.0/16",
  description: "nomad and consul inside the VPC",
}));
export const gossipUdp = [4648, 8301, 8600].map((port) => ({
  port,
  protocol: "udp" as const,
  from: "10.40.0.0/16",
  description: "gossip and DNS",
}));

/** Three Nomad + Consul servers: a quorum that survives the loss of one. */
// requirement S2.1 (partly): 3 servers and N clients on NixOS with the cluster ports open inside the VPC (Nomad/Consul modules are open)
export const servers = [1, 2, 3].map((n) =>
  host(`nomad-server-${n}`, {
    network,
    instanceType: "t3.small",
    // The API starts sandboxes through Nomad's HTTP API: a flow from its tasks, which gives them the
    // matching egress (their group otherwise lets out only HTTPS). Lazy: api.ts imports the servers.
    ingress: [
      ...fromVpc,
      ...gossipUdp,
      { port: 4646, from: lazy(() => api), description: "the API starts sandboxes" },
    ],
  }),
);
