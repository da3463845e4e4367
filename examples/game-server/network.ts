import { network as vpc } from "noros";

/** The game server's own VPC: nothing of this system uses the account's default VPC. */
// requirement S1.6: the system creates and uses its own VPC (`network("game")`), never the default one
export const network = vpc("game", {
  cidr: "10.30.0.0/16",
  availabilityZones: 2,
  publicSubnets: ["10.30.0.0/24", "10.30.1.0/24"],
  privateSubnets: ["10.30.10.0/24", "10.30.11.0/24"],
  natGateway: false,
  s3Endpoint: true,
});
