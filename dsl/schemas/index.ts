/**
 * Every construct kind and its schema: the single source of truth for what a construct accepts. The
 * compiler validates with these; dsl/ constructors only import their inferred types.
 */
import { BucketSchema } from "./bucket.js";
import { FunctionSchema } from "./function.js";
import { ChartSchema } from "./chart.js";
import { ClusterSchema } from "./cluster.js";
import { HostSchema } from "./host.js";
import { HttpApiSchema } from "./http-api.js";
import { HostGroupSchema } from "./host-group.js";
import { VolumeSchema } from "./volume.js";
import { SnapshotsSchema } from "./snapshots.js";
import { AlarmSchema } from "./alarm.js";
import { ParameterSchema } from "./parameter.js";
import { GroupSchema, UserSchema } from "./iam.js";
import { LogGroupSchema } from "./log-group.js";
import { NetworkSchema } from "./network.js";
import { RawTerraformSchema } from "./raw-terraform.js";
import { ServiceSchema } from "./service.js";
import { TopicSchema } from "./topic.js";
import { LoadBalancerSchema } from "./load-balancer.js";
import { CertificateSchema } from "./certificate.js";
import { DnsZoneSchema } from "./dns-zone.js";
import { DnsRecordSchema } from "./dns-record.js";
import { Route53HealthCheckSchema } from "./health-check.js";
import { FailoverSchema } from "./failover.js";
import { KmsKeySchema } from "./kms-key.js";
import { SecretSchema } from "./secret.js";
import { DatabaseSchema } from "./database.js";
import { CacheSchema } from "./cache.js";
import { PipelinesSchema } from "./pipelines.js";
import { ImageBuildSchema } from "./image-build.js";

export const constructSchemas = {
  network: NetworkSchema,
  bucket: BucketSchema,
  user: UserSchema,
  group: GroupSchema,
  host: HostSchema,
  "host-group": HostGroupSchema,
  volume: VolumeSchema,
  snapshots: SnapshotsSchema,
  alarm: AlarmSchema,
  parameter: ParameterSchema,
  topic: TopicSchema,
  "log-group": LogGroupSchema,
  service: ServiceSchema,
  function: FunctionSchema,
  "http-api": HttpApiSchema,
  cluster: ClusterSchema,
  chart: ChartSchema,
  "raw-terraform": RawTerraformSchema,
  "load-balancer": LoadBalancerSchema,
  certificate: CertificateSchema,
  "dns-zone": DnsZoneSchema,
  "dns-record": DnsRecordSchema,
  "health-check": Route53HealthCheckSchema,
  failover: FailoverSchema,
  "kms-key": KmsKeySchema,
  secret: SecretSchema,
  database: DatabaseSchema,
  cache: CacheSchema,
  pipelines: PipelinesSchema,
  "image-build": ImageBuildSchema,
} as const;

export type ConstructKind = keyof typeof constructSchemas;
export type PropsOf<K extends ConstructKind> = import("zod").output<(typeof constructSchemas)[K]>;

export { SystemSchema } from "./system.js";
export { validationCodes } from "./codes.js";
export * from "./common.js";
