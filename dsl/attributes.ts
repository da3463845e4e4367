import { bucketAttributes } from "./bucket.js";
import { hostAttributes } from "./host.js";
import { hostGroupAttributes } from "./host-group.js";
import { volumeAttributes } from "./volume.js";
import { snapshotsAttributes } from "./snapshots.js";
import { alarmAttributes } from "./alarm.js";
import { parameterAttributes } from "./parameter.js";
import { groupAttributes, userAttributes } from "./iam.js";
import { logGroupAttributes } from "./log-group.js";
import { networkAttributes } from "./network.js";
import { rawTerraformAttributes } from "./raw.js";
import { serviceAttributes } from "./service.js";
import { topicAttributes } from "./topic.js";

/** Per construct kind, the references it exposes (`bucket.arn`, ...): what the compiler resolves. */
export const attributesByKind: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  network: networkAttributes,
  bucket: bucketAttributes,
  user: userAttributes,
  group: groupAttributes,
  host: hostAttributes,
  "host-group": hostGroupAttributes,
  volume: volumeAttributes,
  snapshots: snapshotsAttributes,
  alarm: alarmAttributes,
  parameter: parameterAttributes,
  topic: topicAttributes,
  "log-group": logGroupAttributes,
  service: serviceAttributes,
  "raw-terraform": rawTerraformAttributes,
};
