import type { TerraformDocument } from "../document.js";
import { interpolate } from "../expression.js";

/** The deploying account's id, from one shared data source (no account id is ever written down). */
export function accountId(tf: TerraformDocument, origin: string): string {
  tf.data("aws_caller_identity", "current", {}, origin);
  return interpolate("data.aws_caller_identity.current.account_id");
}

/** "aws", "aws-cn" or "aws-us-gov": ARNs are built for whichever partition the system runs in. */
export function partition(tf: TerraformDocument, origin: string): string {
  tf.data("aws_partition", "current", {}, origin);
  return interpolate("data.aws_partition.current.partition");
}
