import { bucketAttributes } from "./bucket.js";
import { functionAttributes } from "./function.js";
import { chartAttributes } from "./chart.js";
import { clusterAttributes } from "./cluster.js";
import { hostAttributes } from "./host.js";
import { httpApiAttributes } from "./http-api.js";
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
import { loadBalancerAttributes } from "./load-balancer.js";
import { certificateAttributes } from "./certificate.js";
import { dnsZoneAttributes } from "./dns-zone.js";
import { dnsRecordAttributes } from "./dns-record.js";
import { healthCheckAttributes } from "./health-check.js";
import { failoverAttributes } from "./failover.js";
import { kmsKeyAttributes } from "./kms-key.js";
import { secretAttributes } from "./secret.js";
import { databaseAttributes } from "./database.js";
import { cacheAttributes } from "./cache.js";
import { pipelinesAttributes } from "./pipelines.js";
import { imageBuildAttributes } from "./image-build.js";

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
  function: functionAttributes,
  "http-api": httpApiAttributes,
  cluster: clusterAttributes,
  chart: chartAttributes,
  "raw-terraform": rawTerraformAttributes,
  "load-balancer": loadBalancerAttributes,
  certificate: certificateAttributes,
  "dns-zone": dnsZoneAttributes,
  "dns-record": dnsRecordAttributes,
  "health-check": healthCheckAttributes,
  failover: failoverAttributes,
  "kms-key": kmsKeyAttributes,
  secret: secretAttributes,
  database: databaseAttributes,
  cache: cacheAttributes,
  pipelines: pipelinesAttributes,
  "image-build": imageBuildAttributes,
};
