import { bucketAttributes } from "./bucket.js";
import { chartAttributes } from "./chart.js";
import { clusterAttributes } from "./cluster.js";
import { hostAttributes } from "./host.js";
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
  topic: topicAttributes,
  "log-group": logGroupAttributes,
  service: serviceAttributes,
  cluster: clusterAttributes,
  chart: chartAttributes,
  "raw-terraform": rawTerraformAttributes,
};
