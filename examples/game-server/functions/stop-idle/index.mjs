/**
 * The Lambda entry point (handler "index.handler"), invoked by an EventBridge schedule. The AWS SDK
 * v3 clients ship with the nodejs20.x runtime, so the package holds no node_modules; they are loaded
 * on the first invocation only, which keeps stop-idle.mjs importable (and testable) without them.
 */
import { createHandler } from "./stop-idle.mjs";

let ready;

async function ports() {
  const { DescribeInstancesCommand, EC2Client, StopInstancesCommand } = await import("@aws-sdk/client-ec2");
  const { CloudWatchClient, GetMetricDataCommand } = await import("@aws-sdk/client-cloudwatch");
  const ec2 = new EC2Client({});
  const cloudwatch = new CloudWatchClient({});
  return {
    ec2: {
      async instance(id) {
        const out = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }));
        const instance = out.Reservations?.[0]?.Instances?.[0];
        return { state: instance?.State?.Name ?? "unknown", launchTime: new Date(instance?.LaunchTime ?? 0) };
      },
      stopInstances: (ids) => ec2.send(new StopInstancesCommand({ InstanceIds: ids })),
    },
    metrics: {
      async packetsIn({ instanceId, start, end }) {
        const out = await cloudwatch.send(
          new GetMetricDataCommand({
            StartTime: start,
            EndTime: end,
            MetricDataQueries: [
              {
                Id: "packets",
                MetricStat: { Metric: { Namespace: "AWS/EC2", MetricName: "NetworkPacketsIn", Dimensions: [{ Name: "InstanceId", Value: instanceId }] }, Period: 60, Stat: "Sum" },
              },
            ],
          }),
        );
        const result = out.MetricDataResults?.[0];
        return (result?.Timestamps ?? []).map((timestamp, i) => ({ timestamp: new Date(timestamp), value: result?.Values?.[i] ?? 0 }));
      },
    },
  };
}

export async function handler() {
  ready ??= ports().then(({ ec2, metrics }) =>
    createHandler({
      ec2,
      metrics,
      instanceId: process.env.INSTANCE_ID,
      idleMinutes: Number(process.env.IDLE_MINUTES),
      packetsPerMinute: Number(process.env.IDLE_PACKETS_PER_MINUTE),
    }),
  );
  return (await ready)();
}
