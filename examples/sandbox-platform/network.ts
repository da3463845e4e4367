import { network as vpc } from "noros";

/** The platform's own VPC: the cluster and the API in private subnets, the load balancer in public ones. */
export const network = vpc("platform", {
  cidr: "10.40.0.0/16",
  availabilityZones: 3,
  publicSubnets: ["10.40.0.0/24", "10.40.1.0/24", "10.40.2.0/24"],
  privateSubnets: ["10.40.10.0/24", "10.40.11.0/24", "10.40.12.0/24"],
  natGateway: true,
});
