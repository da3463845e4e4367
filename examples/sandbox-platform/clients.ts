import { hostGroup } from "noros";
import { fromVpc, gossipUdp } from "./cluster.ts";
import { network } from "./network.ts";

/**
 * The Nomad clients that run the Firecracker sandboxes: an auto scaling group across the private
 * subnets of all three zones, so the platform grows by changing `desired` (and a failed client is
 * replaced, not nursed). Firecracker needs KVM, so they are bare-metal instances.
 */
// requirement S2.1 (partly): `hostGroup("nomad-clients")`: N clients (2 to 10) from one launch template, each tagged `nomad-role=client` for retry_join by cloud tags
// requirement S2.2 (partly): bare-metal clients (`c5.metal`) so KVM is available (CNI and hyperthreading settings are open)
export const clients = hostGroup("nomad-clients", {
  network,
  instanceType: "c5.metal",
  diskGb: 100,
  min: 2,
  max: 10,
  desired: 2,
  ingress: [...fromVpc, ...gossipUdp],
  tags: { "nomad-role": "client" },
});
