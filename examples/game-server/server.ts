import { host } from "noros";
import { network } from "./network.ts";

/**
 * The dedicated game server: one NixOS instance that players reach on the game's UDP port, through
 * the network load balancer (edge.ts), which is also the only sender its security group admits.
 */
export const gamePort = 27015;

export const server = host("server", {
  network,
  subnet: "public",
  instanceType: "c6i.large",
  diskGb: 60,
});
