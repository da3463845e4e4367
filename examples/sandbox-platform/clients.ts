import { hostGroup } from "noros";
import { clientModules } from "./client-modules.ts";
import { firecrackerReady } from "./firecracker.ts";
import { network } from "./network.ts";

/**
 * The Nomad clients that run the Firecracker sandboxes: an auto scaling group across the private
 * subnets of all three zones, so the platform grows by changing `desired` (and a failed client is
 * replaced, not nursed). Firecracker needs KVM, so they are bare-metal instances. Their modules join
 * the cluster by its EC2 tag, which every instance of the group carries. A change rolls through them:
 * a replacement is launched (and given a quarter of an hour to boot, switch and join) before a client
 * is terminated, so the capacity for sandboxes never drops; a new NixOS configuration is switched to
 * on one client at a time.
 */
// requirement S2.1: `hostGroup("nomad-clients")`: N clients (2 to 10) from one launch template, all running the same Consul and Nomad client modules; `rollingUpdate` rolls a new launch template through them by instance refresh (replacements launched first, 100% kept in service, 15 min warm-up each) and switches a new NixOS configuration on one client at a time, stopping at the first failure
export const clients = hostGroup("nomad-clients", {
  network,
  instanceType: "c5.metal",
  diskGb: 100,
  min: 2,
  max: 10,
  desired: 2,
  modules: [...clientModules, firecrackerReady],
  tags: { "nomad-role": "client" },
  rollingUpdate: { minHealthyPercent: 100, maxHealthyPercent: 150, warmupS: 900 },
});
