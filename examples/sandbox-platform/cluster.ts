import { host } from "noros";
import { clientModules } from "./client-modules.ts";
import { firecrackerReady } from "./firecracker.ts";
import { network } from "./network.ts";
import { serverModules } from "./server-modules.ts";

/**
 * Three Nomad + Consul servers: a quorum that survives the loss of one. Their modules open the
 * cluster's ports (firewall and security group) inside the VPC only.
 */
// requirement S2.1 (partly): 3 servers and N clients running `consul()` + `nomad()` modules that join by EC2 tag (retry_join), Nomad's health checks in Consul, Connect (Envoy) on, dnsmasq forwarding .consul (rolling updates of the sandbox jobs are open)
export const servers = [1, 2, 3].map((n) =>
  host(`nomad-server-${n}`, {
    network,
    instanceType: "t3.small",
    modules: serverModules,
  }),
);

/**
 * Nomad clients that run the Firecracker sandboxes. Firecracker needs KVM, so they are bare-metal
 * instances (or instance types with nested virtualisation).
 */
export const clients = [1, 2].map((n) =>
  host(`nomad-client-${n}`, {
    network,
    instanceType: "c5.metal",
    diskGb: 100,
    modules: [...clientModules, firecrackerReady],
  }),
);
