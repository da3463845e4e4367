/**
 * The Lambda entry point (handler "index.handler"). The AWS SDK for JavaScript v3 ships with the
 * nodejs20.x runtime, so the package holds no node_modules; it is loaded on the first invocation
 * only, which keeps this module importable (and reboot.mjs testable) without it.
 */
import { createHandler } from "./reboot.mjs";

let ready;

async function ec2Port() {
  const { EC2Client, RebootInstancesCommand } = await import("@aws-sdk/client-ec2");
  const client = new EC2Client({});
  return { rebootInstances: (ids) => client.send(new RebootInstancesCommand({ InstanceIds: ids })) };
}

export async function handler(event) {
  ready ??= ec2Port().then((ec2) => createHandler({ ec2, instanceId: process.env.INSTANCE_ID }));
  return (await ready)(event);
}
