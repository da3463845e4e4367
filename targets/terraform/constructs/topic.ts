import type { GraphNode } from "../../../compiler/graph.js";
import type { TerraformDocument } from "../document.js";
import { interpolate } from "../expression.js";
import { localName, physicalName } from "../naming.js";

/** An SNS topic encrypted at rest, with e-mail subscriptions. */
export function lowerTopic(node: GraphNode<"topic">, tf: TerraformDocument): void {
  const n = node.name;
  tf.resource("aws_sns_topic", n, { name: physicalName(n), kms_master_key_id: "alias/aws/sns" }, n);
  node.props.emails.forEach((email, i) => {
    tf.resource("aws_sns_topic_subscription", localName(n, "email", i), { topic_arn: interpolate(`aws_sns_topic.${n}.arn`), protocol: "email", endpoint: email }, n);
  });
}
