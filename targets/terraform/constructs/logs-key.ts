/**
 * The key every log group of the system is encrypted with: one customer-managed key per system,
 * declared the first time a construct lowers a log group (a system without log groups has none).
 * Its policy is AWS's documented one for CloudWatch Logs, narrowed: the account (its root, so IAM
 * policies of the account's administrators) administers the key without using it, and the CloudWatch
 * Logs service of the system's region uses it only for log groups of this account and region (the
 * `aws:logs:arn` encryption context). Writers and readers of the logs need no KMS permission: Logs
 * encrypts and decrypts on their behalf.
 */
import type { TerraformDocument } from "../document.js";
import { interpolate } from "../expression.js";
import { nameTag, NAME_PREFIX } from "../naming.js";
import { policyDocument } from "../policy-document.js";
import { accountId, partition } from "./account.js";
import { keyAdministrationActions } from "./kms-key.js";

/**
 * Terraform names no author name can take (author names have no "_"; a kmsKey of the author is
 * `aws_kms_key.<name>`), like the shared ECS cluster `noros`.
 */
export const LOGS_KEY = "noros_logs";

/** What CloudWatch Logs needs of the key, as documented for encrypting log data. */
export const logsKeyActions = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"] as const;

/** The ARN of the system's log key, declaring it (once) on first use. */
export function logsKeyArn(tf: TerraformDocument, region: string): string {
  const address = `aws_kms_key.${LOGS_KEY}`;
  if (!tf.has(address)) lowerLogsKey(tf, region);
  return interpolate(`${address}.arn`);
}

function lowerLogsKey(tf: TerraformDocument, region: string): void {
  const account = accountId(tf, "system");
  const arnPartition = partition(tf, "system");
  const policy = tf.data(
    "aws_iam_policy_document",
    LOGS_KEY,
    policyDocument([
      // The account keeps PutKeyPolicy (among the administration actions), so the key is never locked out.
      { sid: "AccountAdministers", actions: keyAdministrationActions, resources: ["*"], principals: [{ type: "AWS", identifiers: [`arn:${arnPartition}:iam::${account}:root`] }] },
      {
        sid: "CloudWatchLogsEncryptsLogGroups",
        actions: logsKeyActions,
        resources: ["*"],
        principals: [{ type: "Service", identifiers: [`logs.${region}.amazonaws.com`] }],
        conditions: [{ test: "ArnLike", variable: "kms:EncryptionContext:aws:logs:arn", values: [`arn:${arnPartition}:logs:${region}:${account}:log-group:*`] }],
      },
    ]),
    "system",
  );
  tf.resource(
    "aws_kms_key",
    LOGS_KEY,
    {
      description: `noros log groups of ${NAME_PREFIX}`,
      enable_key_rotation: true,
      rotation_period_in_days: 365,
      deletion_window_in_days: 30,
      policy: interpolate(`${policy}.json`),
      tags: nameTag("logs"),
    },
    "system",
  );
  // A "/" no construct's alias has (theirs are alias/<prefix>-<name>), so a kmsKey named "logs" cannot collide.
  tf.resource("aws_kms_alias", LOGS_KEY, { name: `alias/${NAME_PREFIX}/logs`, target_key_id: interpolate(`aws_kms_key.${LOGS_KEY}.key_id`) }, "system");
}
