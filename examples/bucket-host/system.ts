// S0, the original noros wish list: text uploaded to a bucket that only the VPC can read, written by
// exactly one IAM user and read by exactly one NixOS instance. The system itself is `bucketHost`, a
// function of where the sessions cache runs: bucket-host.noros.ts runs it on the reader,
// ../bucket-host-elasticache/bucket-host-elasticache.noros.ts on ElastiCache.
import { bucket, group, host, system, topic, user, type Host } from "noros";
import { notes, status } from "./containers.ts";
import { consul } from "./consul.ts";
import { consulHost } from "./consul-host.ts";
import { containers } from "./eks.ts";
import { readerPipeline } from "./logs.ts";
import { network } from "./network.ts";
import { dataTier } from "./data.ts";
import { statusLb } from "./edge.ts";
import { rebootOnChange } from "./reboot.ts";

// requirement S0.5: `instanceType` is one constant; network.ts declares the VPC and its private subnets
/** The one knob the wish list asks for: the reader's instance type. */
const instanceType = "t3.small";

// requirement S0.8: `topic("alerts")`: the reader's restart-on-failure alarms publish to it (`notify`), and the host itself may publish to it
const alerts = topic("alerts", { emails: ["ops@example.com"] });

// requirement S0.9: `host(...)` runs NixOS from the system's pinned nixpkgs; its configuration is an S3 object keyed by sha256, applied by an SSM association (a changed line changes only those two), no SSH
// requirement S0.3: `restartOnFailure: true`: status-check alarms that recover (system check) or reboot (instance check) the reader, telling `alerts`
/** The one NixOS instance; exported so that a system file can put the sessions cache on it (`{ host: reader }`). */
export const reader = host("reader", {
  network,
  subnet: "private",
  instanceType,
  restartOnFailure: true,
  notify: [alerts],
  publishesTo: [alerts],
  modules: [readerPipeline],
});

const uploaders = group("uploaders");
const uploader = user("uploader", { groups: [uploaders] });

// requirement S0.1: `bucket("texts")` written by `uploaders`, read by `reader` (whose NixOS configuration installs the AWS CLI)
// requirement S0.2: `restrictTo: network` (gateway endpoint + bucket policy), `writers: [uploaders]` (group of the one user), `readers: [reader]` (instance role + profile)
const texts = bucket("texts", {
  restrictTo: network,
  readers: [reader],
  writers: [uploaders],
});

const reboot = rebootOnChange(texts, reader);

/**
 * The whole system under `name` (also its default name prefix, so that two of them can be deployed
 * side by side). `sessionsOn` is passed unchanged to the sessions cache's `on`, the one field that
 * chooses between services.redis on the reader and an ElastiCache replication group.
 */
export function bucketHost(
  name: string,
  { sessionsOn }: { sessionsOn: "elasticache" | { host: Host } },
) {
  return system(name, {
    region: "eu-central-1",
    resources: [
      network,
      texts,
      reader,
      uploader,
      alerts,
      status,
      statusLb,
      notes,
      ...dataTier(reader, sessionsOn),
      reboot,
      containers,
      consul,
      consulHost,
    ],
    // The status page's address is the load balancer's own output, status-lb_url (its DNS name; no zone needed).
    outputs: { texts_bucket: texts.bucketName },
  });
}
