import { waive } from "noros";
import { server } from "./server.ts";

/**
 * The security-policy rules this system knowingly relaxes, each with its reason (`noros check` lists
 * them). The waived server is the same construct as `server`.
 */
export const publicServer = waive(
  server,
  "NOROS-EC2-007",
  "the server sits in a public subnet of a VPC without a NAT gateway (one game server does not pay for one) and downloads the game and its updates itself; players come through the network load balancer, the only sender its security group admits, and there is no SSH",
);
