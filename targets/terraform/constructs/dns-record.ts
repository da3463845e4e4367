import type { GraphNode } from "../../../compiler/graph.js";
import type { TerraformDocument } from "../document.js";
import { interpolate, valueString } from "../expression.js";

/** An alias to a load balancer: Route53 answers with its current addresses, and only while it is healthy. */
export function aliasTo(lb: string): Record<string, unknown> {
  return { alias: [{ name: interpolate(`aws_lb.${lb}.dns_name`), zone_id: interpolate(`aws_lb.${lb}.zone_id`), evaluate_target_health: true }] };
}

export function lowerDnsRecord(node: GraphNode<"dns-record">, tf: TerraformDocument): void {
  const { props } = node;
  const target = props.to
    ? { type: "A", ...aliasTo(props.to.name) }
    : { type: props.type, ttl: props.ttlS, records: (props.values ?? []).map((v) => valueString(v)) };
  tf.resource("aws_route53_record", node.name, { zone_id: interpolate(`local.${props.zone.name}_zone_id`), name: props.name, ...target }, node.name);
}
