/**
 * What invokes a function besides HTTP routes: S3 object events and EventBridge schedules. Each
 * source gets its own `aws_lambda_permission`, scoped to that one bucket or rule, so no other bucket,
 * account or rule can invoke the function.
 */
import { nodesOf, type Graph, type GraphNode } from "../../../compiler/graph.js";
import { objectEvents } from "../../../dsl/schemas/function.js";
import type { TerraformDocument } from "../document.js";
import { interpolate } from "../expression.js";
import { localName, NAME_PREFIX } from "../naming.js";

/** The account's id: S3 bucket ARNs carry none, so `source_account` is what stops another account's bucket of that name. */
function accountId(tf: TerraformDocument): string {
  tf.data("aws_caller_identity", "current", {}, "system");
  return interpolate("data.aws_caller_identity.current.account_id");
}

interface ObjectTrigger {
  readonly fn: string;
  readonly index: number;
  readonly trigger: GraphNode<"function">["props"]["triggers"]["objects"][number];
}

/**
 * One `aws_s3_bucket_notification` per bucket (S3 keeps a single notification configuration per
 * bucket, so two resources would overwrite each other), holding every function's rule; each function
 * may be invoked by S3 for that bucket only, and the notification waits for those permissions (S3
 * checks them when the configuration is written). A bucket that is an image build's source also sends
 * its events to EventBridge (`eventbridge = true`), where the build's rule picks its uploads.
 */
export function lowerObjectTriggers(graph: Graph, tf: TerraformDocument): void {
  const byBucket = new Map<string, ObjectTrigger[]>();
  for (const fn of nodesOf(graph, "function")) {
    fn.props.triggers.objects.forEach((trigger, index) => {
      byBucket.set(trigger.bucket.name, [...(byBucket.get(trigger.bucket.name) ?? []), { fn: fn.name, index, trigger }]);
    });
  }
  // Buckets whose uploads start image builds send their events to EventBridge, where each build's rule matches them.
  const toEventBridge = new Set(nodesOf(graph, "image-build").map((b) => b.props.source.name));
  for (const bucket of [...new Set([...byBucket.keys(), ...toEventBridge])].sort()) {
    const triggers = byBucket.get(bucket) ?? [];
    const permissions: string[] = [];
    for (const fn of [...new Set(triggers.map((t) => t.fn))].sort()) {
      permissions.push(
        tf.resource(
          "aws_lambda_permission",
          localName(fn, "s3", bucket),
          {
            statement_id: `AllowS3-${bucket}`,
            action: "lambda:InvokeFunction",
            function_name: interpolate(`aws_lambda_function.${fn}.function_name`),
            principal: "s3.amazonaws.com",
            source_arn: interpolate(`aws_s3_bucket.${bucket}.arn`),
            source_account: accountId(tf),
          },
          fn,
        ),
      );
    }
    tf.resource(
      "aws_s3_bucket_notification",
      bucket,
      {
        bucket: interpolate(`aws_s3_bucket.${bucket}.id`),
        ...(toEventBridge.has(bucket) ? { eventbridge: true } : {}),
        // The rule's id names the function and its trigger's place in the function's own list.
        ...(triggers.length > 0 ? { lambda_function: triggers.map(lambdaRule) } : {}),
        ...(permissions.length > 0 ? { depends_on: permissions } : {}),
      },
      bucket,
    );
  }
}

function lambdaRule({ fn, index, trigger }: ObjectTrigger): Record<string, unknown> {
  return {
    id: `${fn}-${index}`,
    lambda_function_arn: interpolate(`aws_lambda_function.${fn}.arn`),
    events: [...new Set(trigger.events)].sort().map((e) => objectEvents[e]),
    ...(trigger.prefix !== undefined ? { filter_prefix: trigger.prefix } : {}),
    ...(trigger.suffix !== undefined ? { filter_suffix: trigger.suffix } : {}),
  };
}

/** Each schedule: an EventBridge rule (UTC), the function as its target, and a permission for that rule only. */
export function lowerSchedules(node: GraphNode<"function">, tf: TerraformDocument): void {
  const n = node.name;
  node.props.triggers.schedules.forEach((expression, index) => {
    const rule = localName(n, "schedule", index);
    tf.resource(
      "aws_cloudwatch_event_rule",
      rule,
      // name_prefix: EventBridge allows 64 characters, fewer than the prefix, the name and an index may need.
      { name_prefix: `${NAME_PREFIX}-`, description: `noros: invokes function ${n} on ${expression}`, schedule_expression: expression, state: "ENABLED" },
      n,
    );
    tf.resource(
      "aws_cloudwatch_event_target",
      rule,
      { rule: interpolate(`aws_cloudwatch_event_rule.${rule}.name`), arn: interpolate(`aws_lambda_function.${n}.arn`), retry_policy: { maximum_retry_attempts: 2, maximum_event_age_in_seconds: 3600 } },
      n,
    );
    tf.resource(
      "aws_lambda_permission",
      rule,
      {
        statement_id: `AllowSchedule${index}`,
        action: "lambda:InvokeFunction",
        function_name: interpolate(`aws_lambda_function.${n}.function_name`),
        principal: "events.amazonaws.com",
        source_arn: interpolate(`aws_cloudwatch_event_rule.${rule}.arn`),
      },
      n,
    );
  });
}
