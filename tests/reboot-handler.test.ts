import { describe, expect, it } from "vitest";
// @ts-expect-error: the handler is plain JavaScript, as Lambda runs it (no declarations).
import { changedObjects, createHandler } from "../examples/bucket-host/functions/reboot/reboot.mjs";

/** A fake EC2 port that records what the handler asked for. */
function fakeEc2() {
  const calls: string[][] = [];
  return { calls, ec2: { rebootInstances: async (ids: string[]) => void calls.push(ids) } };
}

const s3Event = (...keys: string[]) => ({
  Records: keys.map((key) => ({ eventSource: "aws:s3", eventName: "ObjectCreated:Put", s3: { bucket: { name: "texts" }, object: { key } } })),
});

describe("the bucket-host reboot function (S0.4)", () => {
  it("reboots its one instance once for an S3 event, whatever the number of records", async () => {
    const { calls, ec2 } = fakeEc2();
    const logs: unknown[] = [];
    const handler = createHandler({ ec2, instanceId: "i-0123456789abcdef0", log: (e: unknown) => logs.push(e) });
    const result = await handler(s3Event("notes/a+b.txt", "c.txt"));
    expect(calls).toEqual([["i-0123456789abcdef0"]]);
    expect(result).toMatchObject({ rebooted: true, objects: [{ bucket: "texts", key: "notes/a b.txt" }, { key: "c.txt" }] });
    expect(logs).toEqual([expect.objectContaining({ action: "reboot", instanceId: "i-0123456789abcdef0" })]);
  });

  it("does nothing for an event without S3 records", async () => {
    const { calls, ec2 } = fakeEc2();
    const handler = createHandler({ ec2, instanceId: "i-1", log: () => {} });
    expect(await handler({ Records: [{ eventSource: "aws:sqs" }] })).toMatchObject({ rebooted: false });
    expect(await handler({})).toMatchObject({ rebooted: false });
    expect(calls).toEqual([]);
  });

  it("refuses to start without the instance it is for", () => {
    expect(() => createHandler({ ec2: fakeEc2().ec2, instanceId: undefined })).toThrow(/INSTANCE_ID/);
  });

  it("decodes keys as S3 encodes them in events", () => {
    expect(changedObjects(s3Event("a%2Fb+c%C3%A9.txt")).map((o: { key: string }) => o.key)).toEqual(["a/b cé.txt"]);
  });

  it("propagates a failed reboot, so that Lambda retries the event and logs the error", async () => {
    const ec2 = { rebootInstances: async () => Promise.reject(new Error("UnauthorizedOperation")) };
    await expect(createHandler({ ec2, instanceId: "i-1", log: () => {} })(s3Event("x"))).rejects.toThrow("UnauthorizedOperation");
  });
});
