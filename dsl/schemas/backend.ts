import { z } from "zod";
import { BucketName } from "./bucket.js";
import { codedString, fail, Region } from "./common.js";

/** An S3 object key for the state: relative, no empty segments (the S3 backend rejects a leading or trailing "/"). */
const StateKey = codedString(
  "NOROS2350",
  (value) => value.length > 0 && value.length <= 1024 && !value.startsWith("/") && !value.endsWith("/") && !value.includes("//"),
  (value) => `state key "${value}" is invalid: use a relative S3 object key such as "shop/terraform.tfstate" (no leading or trailing "/", no empty segments)`,
);

/** Terraform's own S3 locking (a lock object next to the state): the state is never written without it. */
const UseLockfile = z
  .boolean()
  .default(true)
  .superRefine((value, ctx) => {
    if (!value) fail(ctx, "NOROS2351", "state locking cannot be turned off: two concurrent `terraform apply` runs would corrupt the state");
  });

export const S3BackendSchema = z.strictObject({
  /** The existing, versioned and encrypted bucket that holds the state (see README: "Remote state"). */
  bucket: BucketName,
  /** The state object's key in the bucket. */
  key: StateKey,
  /** The bucket's region; by default the system's region. */
  region: Region.optional(),
  /** Lock the state with a lock file in the bucket (Terraform 1.10+); always true. */
  useLockfile: UseLockfile,
});

/** Where Terraform keeps the state. Without a backend, Terraform keeps it in a local file. */
export const BackendSchema = z.strictObject({
  s3: S3BackendSchema,
});

export type BackendInput = z.input<typeof BackendSchema>;
export type BackendProps = z.output<typeof BackendSchema>;
