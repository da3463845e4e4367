import { network as vpc } from "noros";

/** A VPC with private subnets in two zones and an S3 gateway endpoint: the reader never needs the internet for S3. */
// requirement S0.5: a custom VPC with private subnets (and no use of the default VPC)
export const network = vpc("main", {
  cidr: "10.20.0.0/16",
  availabilityZones: 2,
  publicSubnets: ["10.20.0.0/24", "10.20.1.0/24"],
  privateSubnets: ["10.20.10.0/24", "10.20.11.0/24"],
  natGateway: true,
  s3Endpoint: true,
});
