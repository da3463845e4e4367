import { loadBalancer } from "noros";
import { network } from "./network.ts";
import { gamePort, server } from "./server.ts";

/**
 * Players connect to a network load balancer in the public subnets: UDP for the game, TCP for the
 * server query. It forwards to the server's instance, which admits only the load balancer (client
 * addresses are preserved, so the game still sees its players). The UDP target group is probed over
 * TCP on the query port: a UDP port answers no health check.
 */
// requirement S1.2: `loadBalancer("game-lb", { type: "network" })` in front of the server on the game's UDP and TCP port; no bastion and no SSH: hosts have no key pair, no port 22 and OpenSSH off, and are reached through SSM Session Manager (AmazonSSMManagedInstanceCore, amazon-ssm-agent)
export const gameLb = loadBalancer("game-lb", {
  type: "network",
  network,
  listeners: [
    {
      port: gamePort,
      protocol: "udp",
      forward: { to: [server], healthCheck: { port: gamePort, intervalS: 10 } },
    },
    { port: gamePort, protocol: "tcp", forward: { to: [server], healthCheck: { intervalS: 10 } } },
  ],
});
