import { waive } from "noros";
import { server } from "./server.ts";
import { startApi } from "./start.ts";

/**
 * The security-policy rules this system knowingly relaxes, each with its reason (`noros check` lists
 * them). A waived value is the same construct as the one it waives (`server`, `startApi`).
 */
export const publicServer = waive(
  server,
  "NOROS-EC2-007",
  "the server sits in a public subnet of a VPC without a NAT gateway (one game server does not pay for one) and downloads the game and its updates itself; players come through the network load balancer, the only sender its security group admits, and there is no SSH",
);

export const openStartApi = waive(
  startApi,
  "NOROS-APIGW-002",
  "players start the server from a browser without AWS credentials; the routes can only start this one instance (idempotent) or report its state, the stage is throttled to 2 requests a second and every call is in the year-long access log",
);
