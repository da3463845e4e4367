/**
 * What the function does, apart from AWS: given the S3 event and an EC2 port, reboot the one
 * instance it is configured for, once per event (an event may carry several records), and say so.
 * The port is injected so that a test can run this with a fake (tests/reboot-handler.test.ts).
 */

/** The object keys an S3 event notification names (URL-encoded in the event, "+" for spaces). */
export function changedObjects(event) {
  return (event?.Records ?? [])
    .filter((record) => record?.eventSource === "aws:s3")
    .map((record) => ({
      bucket: record.s3?.bucket?.name,
      key: decodeURIComponent(String(record.s3?.object?.key ?? "").replace(/\+/g, " ")),
      event: record.eventName,
    }));
}

/**
 * Builds the Lambda handler. `ec2.rebootInstances(ids)` is the only thing it may do (the function's
 * role may reboot exactly that instance); `log` receives one JSON-able object per decision.
 */
export function createHandler({ ec2, instanceId, log = (entry) => console.log(JSON.stringify(entry)) }) {
  if (!instanceId) throw new Error("INSTANCE_ID is not set");
  return async function handler(event) {
    const objects = changedObjects(event);
    if (objects.length === 0) {
      log({ action: "none", reason: "no S3 object records in the event" });
      return { rebooted: false, instanceId, objects };
    }
    // One reboot for the whole batch: rebooting again for each record would only restart it twice.
    await ec2.rebootInstances([instanceId]);
    log({ action: "reboot", instanceId, objects });
    return { rebooted: true, instanceId, objects };
  };
}
