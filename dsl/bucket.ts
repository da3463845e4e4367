import { construct, type Construct, type Ref } from "./core.js";
import type { BucketInput } from "./schemas/bucket.js";

export type Bucket = Construct<"bucket", BucketInput> & {
  readonly arn: Ref<"arn">;
  readonly bucketName: Ref<"string">;
};

/**
 * An S3 bucket: private, encrypted, TLS-only and owner-enforced. Access comes only from `readers` and
 * `writers`, from which least-privilege IAM is derived.
 */
export function bucket(name: string, props: BucketInput = {}): Bucket {
  return construct("bucket", name, props, { arn: "arn", bucketName: "string" });
}
