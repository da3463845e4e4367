import { cluster } from "noros";
import { network } from "./network.ts";

/**
 * An EKS cluster in the same VPC's private subnets, for standard containers: one node group of three
 * nodes, so that each of Consul's three servers gets a node of its own.
 */
// requirement S0.12: `cluster("containers")`: EKS in the private subnets (private API, encrypted secrets, control-plane logs) with a managed node group; consul.ts installs Consul on it
export const containers = cluster("containers", {
  network,
  nodeGroups: { main: { instanceType: "t3.medium", min: 3, max: 4 } },
});
