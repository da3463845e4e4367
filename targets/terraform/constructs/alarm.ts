import type { GraphNode } from "../../../compiler/graph.js";
import type { TerraformDocument } from "../document.js";
import { valueString } from "../expression.js";
import { lowerMetricAlarm } from "../metric-alarm.js";

const comparisons = {
  ">": "GreaterThanThreshold",
  ">=": "GreaterThanOrEqualToThreshold",
  "<": "LessThanThreshold",
  "<=": "LessThanOrEqualToThreshold",
} as const;

/** An author's alarm: the same lowering as the alarms noros derives (restart on failure). */
export function lowerAlarm(node: GraphNode<"alarm">, tf: TerraformDocument): void {
  const { props } = node;
  lowerMetricAlarm(tf, node.name, node.name, {
    description: props.description ?? `noros alarm ${node.name}: ${props.metric.namespace} ${props.metric.name} ${props.metric.statistic} ${props.comparison} ${props.threshold}`,
    namespace: props.metric.namespace,
    metric: props.metric.name,
    dimensions: Object.fromEntries(Object.entries(props.metric.dimensions).map(([key, value]) => [key, valueString(value)])),
    statistic: props.metric.statistic,
    comparison: comparisons[props.comparison],
    threshold: props.threshold,
    periodS: props.periodS,
    evaluationPeriods: props.evaluationPeriods,
    datapointsToAlarm: props.datapointsToAlarm ?? props.evaluationPeriods,
    treatMissingData: props.treatMissingData,
    topics: props.topics.map((t) => t.name),
  });
}
