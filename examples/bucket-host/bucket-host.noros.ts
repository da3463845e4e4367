// S0, the original noros wish list: text uploaded to a bucket that only the VPC can read, written by
// exactly one IAM user and read by exactly one NixOS instance.
import { bucket, group, host, system, topic, user } from "noros";
import { network } from "./network.ts";

/** The one knob the wish list asks for: the reader's instance type. */
const instanceType = "t3.small";

const alerts = topic("alerts", { emails: ["ops@example.com"] });

const reader = host("reader", {
  network,
  subnet: "private",
  instanceType,
  publishesTo: [alerts],
});

const uploaders = group("uploaders");
const uploader = user("uploader", { groups: [uploaders] });

const texts = bucket("texts", {
  restrictTo: network,
  readers: [reader],
  writers: [uploaders],
});

export default system("bucket-host", {
  region: "eu-central-1",
  resources: [network, texts, reader, uploader, alerts],
  outputs: { texts_bucket: texts.bucketName },
});
