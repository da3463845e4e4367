import type { TerraformDocument } from "./document.js";
import { interpolate } from "./expression.js";
import { physicalName } from "./naming.js";

/** The partition a region belongs to: ARNs of AWS-owned actions name it. */
export function partitionOf(region: string): "aws" | "aws-cn" | "aws-us-gov" {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.includes("-gov-")) return "aws-us-gov";
  return "aws";
}

/** The ARN of an EC2 action CloudWatch runs itself (recover, reboot, stop, terminate). */
export function ec2AutomateAction(region: string, action: "recover" | "reboot" | "stop" | "terminate"): string {
  return `arn:${partitionOf(region)}:automate:${region}:ec2:${action}`;
}

export interface MetricAlarmSpec {
  /** Physical name suffix (the construct's name comes first). */
  readonly suffix?: string;
  readonly description: string;
  readonly namespace: string;
  readonly metric: string;
  readonly dimensions: Readonly<Record<string, string>>;
  readonly statistic: "Average" | "Sum" | "Minimum" | "Maximum" | "SampleCount";
  readonly comparison: "GreaterThanThreshold" | "GreaterThanOrEqualToThreshold" | "LessThanThreshold" | "LessThanOrEqualToThreshold";
  readonly threshold: number;
  readonly periodS: number;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
  readonly treatMissingData: "missing" | "breaching" | "notBreaching" | "ignore";
  /** Actions CloudWatch itself takes (an EC2 automate ARN), before the topics. */
  readonly actions?: readonly string[];
  /** Topic construct names told when the alarm fires and when it clears. */
  readonly topics: readonly string[];
}

/**
 * One CloudWatch metric alarm. The topics hear both the alarm and its end (ok_actions), so that whoever
 * was woken up also learns it is over.
 */
export function lowerMetricAlarm(tf: TerraformDocument, local: string, origin: string, spec: MetricAlarmSpec): void {
  const topics = [...spec.topics].sort().map((t) => interpolate(`aws_sns_topic.${t}.arn`));
  tf.resource(
    "aws_cloudwatch_metric_alarm",
    local,
    {
      alarm_name: physicalName(origin, spec.suffix ?? ""),
      alarm_description: spec.description,
      namespace: spec.namespace,
      metric_name: spec.metric,
      dimensions: { ...spec.dimensions },
      statistic: spec.statistic,
      comparison_operator: spec.comparison,
      threshold: spec.threshold,
      period: spec.periodS,
      evaluation_periods: spec.evaluationPeriods,
      datapoints_to_alarm: spec.datapointsToAlarm,
      treat_missing_data: spec.treatMissingData,
      alarm_actions: [...(spec.actions ?? []), ...topics],
      ...(topics.length > 0 ? { ok_actions: topics } : {}),
    },
    origin,
  );
}
