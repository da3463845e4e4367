import type { SystemProps } from "../../dsl/schemas/system.js";

/**
 * The `terraform.backend` setting of a system that declares one: the S3 backend with Terraform's own
 * lock file (no DynamoDB table) and server-side encryption of the state, which holds secrets.
 */
export function backendSettings(system: SystemProps): Record<string, unknown> {
  const s3 = system.backend?.s3;
  if (!s3) return {};
  return { backend: { s3: { bucket: s3.bucket, key: s3.key, region: s3.region ?? system.region, use_lockfile: s3.useLockfile, encrypt: true } } };
}
