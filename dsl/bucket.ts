import { construct, type Construct, type Ref } from "./core.js";
import type { BucketInput } from "./schemas/bucket.js";

/** The references a bucket exposes, and the type of value each stands for. */
export const bucketAttributes = { arn: "arn", bucketName: "string" } as const;

export type Bucket = Construct<"bucket", BucketInput> & {
  readonly arn: Ref<"arn">;
  readonly bucketName: Ref<"string">;
};

/**
 * An S3 bucket: private, encrypted, TLS-only and owner-enforced. Access comes only from `readers` and
 * `writers`, from which least-privilege IAM is derived.
 */
export function bucket(name: string, props: BucketInput = {}): Bucket {
  return construct("bucket", name, props, bucketAttributes);
}
