import { fn, httpApi } from "noros";
import { server } from "./server.ts";

/** Starts the game server if it is stopped, and answers with its state (`GET /status` only answers). */
export const startServer = fn("start-server", {
  source: "./functions/start",
  runtime: "nodejs20.x",
  handler: "index.handler",
  environment: { INSTANCE_ID: server.instanceId },
  timeoutS: 15,
  logRetentionDays: 365,
  // ec2:StartInstances on this one instance; ec2:DescribeInstances (resource "*": it has no resource-level permission) for its state
  controls: [{ host: server, actions: ["start", "describe"] }],
});

// requirement S1.3: `httpApi("start")` routes `GET|POST /start` to `fn("start-server")`, which starts `server` if it is stopped (it `controls` the host with start + describe); stop-idle.ts stops it when idle
export const startApi = httpApi("start", {
  routes: { "GET /start": startServer, "POST /start": startServer, "GET /status": startServer },
  // Players call it without AWS credentials. Safe because starting is idempotent and is all it can
  // do; the stage's throttle bounds what a flood of calls can cost.
  authorization: "none",
  throttle: { ratePerSecond: 2, burst: 5 },
  logRetentionDays: 365,
});
