/**
 * Every construct kind and its schema: the single source of truth for what a construct accepts. The
 * compiler validates with these; dsl/ constructors only import their inferred types.
 */
import { BucketSchema } from "./bucket.js";
import { HostSchema } from "./host.js";
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
  "raw-terraform": RawTerraformSchema,
} as const;

export type ConstructKind = keyof typeof constructSchemas;
export type PropsOf<K extends ConstructKind> = import("zod").output<(typeof constructSchemas)[K]>;

export { SystemSchema } from "./system.js";
export { validationCodes } from "./codes.js";
export * from "./common.js";
