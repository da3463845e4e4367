import { fn, type Bucket, type Host } from "noros";

/**
 * The function that reboots `host` whenever an object in `bucket` is created or removed. A function
 * of the two, so that the system file (which declares both) only adds one line for it.
 */
export function rebootOnChange(bucket: Bucket, host: Host) {
  // requirement S0.4: `fn("reboot")` is invoked by the bucket's object events (`triggers.objects`: an S3 notification plus a permission for that bucket only) and `controls` the host with `["reboot"]`: ec2:RebootInstances on that one instance's ARN, nothing else but its own log group
  return fn("reboot", {
    source: "./functions/reboot",
    runtime: "nodejs20.x",
    handler: "index.handler",
    environment: { INSTANCE_ID: host.instanceId },
    timeoutS: 30,
    controls: [{ host, actions: ["reboot"] }],
    triggers: { objects: [{ bucket, events: ["created", "removed"] }] },
  });
}
