import { host } from "noros";
import { network } from "./network.ts";

/** The dedicated game server: one NixOS instance that players reach on the game's UDP port. */
export const gamePort = 27015;

export const server = host("server", {
  network,
  subnet: "public",
  instanceType: "c6i.large",
  diskGb: 60,
  ingress: [
    { port: gamePort, protocol: "udp", from: "0.0.0.0/0", description: "players" },
    { port: gamePort, protocol: "tcp", from: "0.0.0.0/0", description: "players (query port)" },
  ],
});
