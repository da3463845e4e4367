/**
 * The Lambda entry point (handler "index.handler"), behind the HTTP API. The AWS SDK for JavaScript
 * v3 ships with the nodejs20.x runtime, so the package holds no node_modules; it is loaded on the
 * first invocation only, which keeps start.mjs importable (and testable) without it.
 */
import { createHandler } from "./start.mjs";

let ready;

async function ec2Port() {
  const { DescribeInstancesCommand, EC2Client, StartInstancesCommand } = await import("@aws-sdk/client-ec2");
  const client = new EC2Client({});
  return {
    async instanceState(id) {
      const out = await client.send(new DescribeInstancesCommand({ InstanceIds: [id] }));
      return out.Reservations?.[0]?.Instances?.[0]?.State?.Name ?? "unknown";
    },
    startInstances: (ids) => client.send(new StartInstancesCommand({ InstanceIds: ids })),
  };
}

export async function handler(event) {
  ready ??= ec2Port().then((ec2) => createHandler({ ec2, instanceId: process.env.INSTANCE_ID }));
  return (await ready)(event);
}
