import { hostGroup } from "noros";
import { clientModules } from "./client-modules.ts";
import { firecrackerReady } from "./firecracker.ts";
import { network } from "./network.ts";

/**
 * The Nomad clients that run the Firecracker sandboxes: an auto scaling group across the private
 * subnets of all three zones, so the platform grows by changing `desired` (and a failed client is
 * replaced, not nursed). Firecracker needs KVM, so they are bare-metal instances. Their modules join
 * the cluster by its EC2 tag, which every instance of the group carries.
 */
// requirement S2.1 (partly): `hostGroup("nomad-clients")`: N clients (2 to 10) from one launch template, all running the same Consul and Nomad client modules
export const clients = hostGroup("nomad-clients", {
  network,
  instanceType: "c5.metal",
  diskGb: 100,
  min: 2,
  max: 10,
  desired: 2,
  modules: [...clientModules, firecrackerReady],
  tags: { "nomad-role": "client" },
});
