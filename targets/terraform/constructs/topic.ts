import type { Graph, GraphNode } from "../../../compiler/graph.js";
import { topicsNotifiedByAlarms } from "../alarm-topics.js";
import type { TerraformDocument } from "../document.js";
import { interpolate } from "../expression.js";
import { localName, nameTag, physicalName } from "../naming.js";
import { policyDocument } from "../policy-document.js";
import { keyAdministrationActions } from "./kms-key.js";

/**
 * The key of a topic that CloudWatch alarms notify: the AWS-managed SNS key admits only principals of
 * the account calling through SNS, never CloudWatch itself, so an alarm's notification would be
 * dropped. This key admits exactly what that key does (any principal of this account, only through
 * SNS) plus CloudWatch, and the account's administrators manage it through IAM: administration
 * without use, like a kmsKey's (no kms:*, so no principal decrypts except through SNS or as CloudWatch).
 */
function lowerTopicKey(tf: TerraformDocument, n: string, region: string): string {
  const account = tf.data("aws_caller_identity", "current", {}, "system");
  const key = localName(n, "sns");
  const policy = tf.data(
    "aws_iam_policy_document",
    localName(n, "sns_key"),
    policyDocument([
      // The account keeps PutKeyPolicy (among the administration actions), so the key is never locked out.
      { sid: "AccountAdministers", actions: keyAdministrationActions, resources: ["*"], principals: [{ type: "AWS", identifiers: [`arn:aws:iam::${interpolate(`${account}.account_id`)}:root`] }] },
      {
        sid: "PublishersThroughSns",
        actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
        resources: ["*"],
        principals: [{ type: "AWS", identifiers: ["*"] }],
        conditions: [
          { test: "StringEquals", variable: "kms:CallerAccount", values: [interpolate(`${account}.account_id`)] },
          { test: "StringEquals", variable: "kms:ViaService", values: [`sns.${region}.amazonaws.com`] },
        ],
      },
      { sid: "CloudWatchAlarms", actions: ["kms:Decrypt", "kms:GenerateDataKey*"], resources: ["*"], principals: [{ type: "Service", identifiers: ["cloudwatch.amazonaws.com"] }] },
    ]),
    n,
  );
  tf.resource("aws_kms_key", key, { description: `noros topic ${n}`, enable_key_rotation: true, deletion_window_in_days: 30, policy: interpolate(`${policy}.json`), tags: nameTag(n) }, n);
  return interpolate(`aws_kms_key.${key}.arn`);
}

/** An SNS topic encrypted at rest, with e-mail subscriptions. */
export function lowerTopic(node: GraphNode<"topic">, tf: TerraformDocument, graph: Graph): void {
  const n = node.name;
  const key = topicsNotifiedByAlarms(graph).has(n) ? lowerTopicKey(tf, n, graph.system.props.region) : "alias/aws/sns";
  tf.resource("aws_sns_topic", n, { name: physicalName(n), kms_master_key_id: key }, n);
  node.props.emails.forEach((email, i) => {
    tf.resource("aws_sns_topic_subscription", localName(n, "email", i), { topic_arn: interpolate(`aws_sns_topic.${n}.arn`), protocol: "email", endpoint: email }, n);
  });
}
