import { construct, type Construct } from "./core.js";
import type { RawTerraformInput } from "./schemas/raw-terraform.js";

/** An escape hatch: Terraform JSON blocks merged into the output as they are. */
export type RawTerraform = Construct<"raw-terraform", RawTerraformInput>;

/** It exposes no references: Terraform addresses inside it are written as Terraform expressions. */
export const rawTerraformAttributes = {} as const;

/**
 * Escape hatches for what the DSL cannot express yet. Each is a named construct, validated like the
 * rest (against the provider schemas), refused where it would redefine a generated block, and listed by
 * `noros check` with its reason. Typed references (`bucket.arn`) may be used inside.
 *
 *   raw.terraform("uploads-notify", {
 *     reason: "S3 event notifications to a queue are not in the DSL yet",
 *     resource: { aws_s3_bucket_notification: { uploads: { bucket: uploads.bucketName, ... } } },
 *   })
 */
export const raw = Object.freeze({
  terraform(name: string, spec: RawTerraformInput): RawTerraform {
    return construct("raw-terraform", name, spec, rawTerraformAttributes);
  },
});
