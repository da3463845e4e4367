// S1, a dedicated game server on AWS: one NixOS instance in its own VPC, reached by players on the game
// port (through a network load balancer), administered through SSM Session Manager only (no SSH, no bastion).
import { system } from "noros";
import { gameLb } from "./edge.ts";
import { serverLogs } from "./logs.ts";
import { network } from "./network.ts";
import { server } from "./server.ts";
import { nightly } from "./snapshots.ts";
import { startApi } from "./start.ts";
import { startUrl } from "./start-url.ts";
import { stopIdle } from "./stop-idle.ts";
import { openStartApi, publicServer } from "./waivers.ts";
import { world } from "./world.ts";

export default system("game-server", {
  region: "eu-west-1",
  resources: [
    network,
    server,
    serverLogs,
    gameLb,
    startApi,
    startUrl,
    stopIdle,
    world,
    nightly,
    publicServer,
    openStartApi,
  ],
  outputs: { server_id: server.instanceId },
});
