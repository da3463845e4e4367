// S1, a dedicated game server on AWS: one NixOS instance in its own VPC, reached by players on the game
// port, administered through SSM Session Manager only (no SSH, no bastion).
import { system } from "noros";
import { serverLogs } from "./logs.ts";
import { network } from "./network.ts";
import { server } from "./server.ts";
import { publicServer } from "./waivers.ts";

export default system("game-server", {
  region: "eu-west-1",
  resources: [network, server, serverLogs, publicServer],
  outputs: { server_id: server.instanceId },
});
