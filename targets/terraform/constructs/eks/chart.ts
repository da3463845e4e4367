/**
 * An author's Helm chart on a cluster: one atomic release at the exact version declared, after the
 * cluster's node groups exist. References in the values (`topic.arn`) become Terraform expressions.
 */
import type { GraphNode } from "../../../../compiler/graph.js";
import type { TerraformDocument } from "../../document.js";
import { valueString } from "../../expression.js";
import { localName } from "../../naming.js";
import { nodeGroupAddress } from "./addresses.js";
import { helmRelease } from "./release.js";
import type { HelmValue } from "./values.js";

type Marked = { $noros: "ref" | "text" };
const isMarked = (value: unknown): value is Marked => typeof value === "object" && value !== null && "$noros" in value;

function chartValue(value: unknown): HelmValue {
  if (isMarked(value)) return { $template: valueString(value as never) };
  if (Array.isArray(value)) return value.map(chartValue);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, chartValue(v)]));
  return value as HelmValue;
}

export function lowerChart(node: GraphNode<"chart">, tf: TerraformDocument, clusters: ReadonlyMap<string, GraphNode<"cluster">>): void {
  const { props } = node;
  const cluster = clusters.get(props.cluster.name) as GraphNode<"cluster">;
  helmRelease(tf, {
    address: localName(node.name),
    name: node.name,
    namespace: props.namespace ?? node.name,
    chart: { repository: props.repository, chart: props.chart, version: props.version },
    values: chartValue(props.values) as { readonly [key: string]: HelmValue },
    dependsOn: Object.keys(cluster.props.nodeGroups).map((g) => nodeGroupAddress(cluster.name, g)),
    origin: node.name,
  });
}
