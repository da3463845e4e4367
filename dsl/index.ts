/**
 * What a system file imports as "noros". Everything here runs inside the compiler's sandbox, so only
 * types may come from the schemas.
 */
export { lazy, text } from "./core.js";
export type { Construct, Deferrable, Lazy, Ref, Text, Value } from "./core.js";
export { system } from "./system.js";
export type { System } from "./system.js";
export { network } from "./network.js";
export type { Network } from "./network.js";
export { bucket } from "./bucket.js";
export type { Bucket } from "./bucket.js";
export { group, user } from "./iam.js";
export type { Group, User } from "./iam.js";
export { host } from "./host.js";
export type { Host } from "./host.js";
export { topic } from "./topic.js";
export type { Topic } from "./topic.js";
export { logGroup } from "./log-group.js";
export { service } from "./service.js";
export type { Service } from "./service.js";
export type { LogGroup } from "./log-group.js";
export { raw } from "./raw.js";
export { waive } from "./waive.js";
export type { RawTerraform } from "./raw.js";
