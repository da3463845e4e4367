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
export { fn } from "./function.js";
export type { Fn } from "./function.js";
export { httpApi } from "./http-api.js";
export type { HttpApi } from "./http-api.js";
export { raw } from "./raw.js";
export type { RawTerraform } from "./raw.js";
export { loadBalancer } from "./load-balancer.js";
export type { LoadBalancer } from "./load-balancer.js";
export { certificate } from "./certificate.js";
export type { Certificate } from "./certificate.js";
export { dnsZone } from "./dns-zone.js";
export type { DnsZone } from "./dns-zone.js";
export { dnsRecord } from "./dns-record.js";
export type { DnsRecord } from "./dns-record.js";
export { healthCheck } from "./health-check.js";
export type { HealthCheck } from "./health-check.js";
export { failover } from "./failover.js";
export type { Failover } from "./failover.js";
export { kmsKey } from "./kms-key.js";
export type { KmsKey } from "./kms-key.js";
export { secret } from "./secret.js";
export type { Secret } from "./secret.js";
export { database } from "./database.js";
export type { Database } from "./database.js";
export { cache } from "./cache.js";
export type { Cache } from "./cache.js";
