import { network as vpc } from "noros";

/**
 * The cluster's own VPC: nodes and the control plane's interfaces in two private subnets (two zones),
 * the ingress load balancer in the public ones, a NAT gateway for pulling images and charts.
 */
export const network = vpc("main", {
  cidr: "10.40.0.0/16",
  availabilityZones: 2,
  publicSubnets: ["10.40.0.0/24", "10.40.1.0/24"],
  privateSubnets: ["10.40.10.0/24", "10.40.11.0/24"],
  natGateway: true,
});
