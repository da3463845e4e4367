import { fn } from "noros";
import { server } from "./server.ts";

/** Minutes without players after which the server is stopped (and the time a started server is given). */
export const idleMinutes = 30;

/**
 * Every five minutes, stops `server` when no one has been connected for `idleMinutes`: its
 * CloudWatch NetworkPacketsIn stayed below a player's trickle (see functions/stop-idle/stop-idle.mjs).
 */
export const stopIdle = fn("stop-idle", {
  source: "./functions/stop-idle",
  runtime: "nodejs20.x",
  handler: "index.handler",
  environment: {
    INSTANCE_ID: server.instanceId,
    IDLE_MINUTES: String(idleMinutes),
    IDLE_PACKETS_PER_MINUTE: "600",
  },
  timeoutS: 30,
  // requirement S1.7: `controls: [{ host, actions }]` is typed data: the role's policy is derived from it and rendered by aws_iam_policy_document, never written as a JSON string
  // ec2:StopInstances on this one instance; DescribeInstances and cloudwatch:GetMetricData only
  // exist on resource "*" (IAM has no resource type for them), and both only read.
  controls: [{ host: server, actions: ["stop", "describe", "readMetrics"] }],
  triggers: { schedules: ["rate(5 minutes)"] },
  logRetentionDays: 365,
});
