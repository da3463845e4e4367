/**
 * Every construct kind and its schema: the single source of truth for what a construct accepts. The
 * compiler validates with these; dsl/ constructors only import their inferred types.
 */
import { BucketSchema } from "./bucket.js";
import { ChartSchema } from "./chart.js";
import { ClusterSchema } from "./cluster.js";
import { HostSchema } from "./host.js";
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
  topic: TopicSchema,
  "log-group": LogGroupSchema,
  service: ServiceSchema,
  cluster: ClusterSchema,
  chart: ChartSchema,
  "raw-terraform": RawTerraformSchema,
} as const;

export type ConstructKind = keyof typeof constructSchemas;
export type PropsOf<K extends ConstructKind> = import("zod").output<(typeof constructSchemas)[K]>;

export { SystemSchema } from "./system.js";
export { validationCodes } from "./codes.js";
export * from "./common.js";
