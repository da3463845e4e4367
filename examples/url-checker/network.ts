import { network as vpc } from "noros";

/** Tasks in private subnets, reaching ECR and the URLs they check through a NAT gateway; S3 through its endpoint. */
export const network = vpc("main", {
  cidr: "10.30.0.0/16",
  availabilityZones: 2,
  publicSubnets: ["10.30.0.0/24", "10.30.1.0/24"],
  privateSubnets: ["10.30.10.0/24", "10.30.11.0/24"],
  natGateway: true,
  s3Endpoint: true,
});
