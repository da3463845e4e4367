import { host } from "noros";
import { bans } from "./fail2ban.ts";
import { gameService } from "./game-service.ts";
import { logRotation } from "./log-rotation.ts";
import { logShipping } from "./log-shipping.ts";
import { network } from "./network.ts";

export { gamePort } from "./game-service.ts";

/**
 * The dedicated game server: one NixOS instance that players reach on the game's UDP port, through
 * the network load balancer (edge.ts), which is also the only sender from outside its security group admits.
 */
// requirement S1.1: `install: "./install.sh"` (over 16 KB): staged in S3, the user data only fetches and runs it
export const server = host("server", {
  network,
  subnet: "public",
  instanceType: "c6i.large",
  diskGb: 60,
  install: "./install.sh",
  // An AMI with this configuration built in (packer/server.pkr.json): a stopped server that the API
  // starts again boots straight into it.
  bake: true,
  modules: [gameService, bans, logRotation, logShipping],
});
