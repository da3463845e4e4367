import type { GraphNode } from "../../../compiler/graph.js";
import type { TerraformDocument } from "../document.js";
import { interpolate } from "../expression.js";
import { localName } from "../naming.js";
import { ec2AutomateAction, lowerMetricAlarm } from "../metric-alarm.js";

/**
 * S0.3, restart on failure, as AWS recommends it: a failed system status check (the host's hardware
 * or network) recovers the instance onto other hardware, keeping its id, private IP, volumes and
 * metadata; a failed instance status check (the OS is unreachable) reboots it. Both read the
 * per-minute status checks (the host has detailed monitoring), with a few minutes' patience so a blip
 * never reboots anything, and tell the host's `notify` topics.
 */
export function lowerRestartOnFailure(node: GraphNode<"host">, tf: TerraformDocument, region: string): void {
  if (!node.props.restartOnFailure) return;
  const n = node.name;
  const topics = node.props.notify.map((t) => t.name);
  const common = {
    namespace: "AWS/EC2",
    dimensions: { InstanceId: interpolate(`aws_instance.${n}.id`) },
    statistic: "Maximum",
    comparison: "GreaterThanThreshold",
    threshold: 0,
    periodS: 60,
    treatMissingData: "missing",
    topics,
  } as const;
  lowerMetricAlarm(tf, localName(n, "recover"), n, {
    ...common,
    suffix: "recover",
    description: `host ${n}: the system status check failed (hardware or AWS network); recovering the instance onto healthy hardware`,
    metric: "StatusCheckFailed_System",
    evaluationPeriods: 2,
    datapointsToAlarm: 2,
    actions: [ec2AutomateAction(region, "recover")],
  });
  lowerMetricAlarm(tf, localName(n, "reboot"), n, {
    ...common,
    suffix: "reboot",
    description: `host ${n}: the instance status check failed (the OS stopped answering); rebooting it`,
    metric: "StatusCheckFailed_Instance",
    evaluationPeriods: 3,
    datapointsToAlarm: 3,
    actions: [ec2AutomateAction(region, "reboot")],
  });
}
