import { host, lazy } from "noros";
import { api } from "./api.ts";
import { network } from "./network.ts";
import { serverModules } from "./server-modules.ts";

/**
 * Three Nomad + Consul servers: a quorum that survives the loss of one. Their modules open the
 * cluster's ports (firewall and security group) inside the VPC only.
 */
// requirement S2.1: 3 servers and N clients running `consul()` + `nomad()` modules that join by EC2 tag (retry_join), Nomad's health checks in Consul, Connect (Envoy) on, dnsmasq forwarding .consul
export const servers = [1, 2, 3].map((n) =>
  host(`nomad-server-${n}`, {
    network,
    instanceType: "t3.small",
    modules: serverModules,
    // The API starts sandboxes through Nomad's HTTP API: a flow from its tasks, which gives them the
    // matching egress (their group otherwise lets out only HTTPS). Lazy: api.ts imports the servers.
    ingress: [{ port: 4646, from: lazy(() => api), description: "the API starts sandboxes" }],
  }),
);
