import type { GraphNode } from "../../../compiler/graph.js";
import type { TerraformDocument } from "../document.js";
import { interpolate } from "../expression.js";
import { nameTag } from "../naming.js";

/**
 * A Route53 public hosted zone, created, or an existing one looked up by name (never changed: only
 * records are added to it). `local.<zone>_zone_id` is its id either way, which is what references use.
 */
export function lowerDnsZone(node: GraphNode<"dns-zone">, tf: TerraformDocument): void {
  const n = node.name;
  const { domain, existing } = node.props;
  const id = existing
    ? tf.data("aws_route53_zone", n, { name: domain, private_zone: false }, n)
    : tf.resource("aws_route53_zone", n, { name: domain, comment: `noros zone ${n}`, tags: nameTag(n) }, n);
  tf.local(`${n}_zone_id`, interpolate(`${id}.zone_id`), n);
}

/** The name servers to delegate a created zone to, from the domain's registrar. */
export function dnsZoneOutputs(node: GraphNode<"dns-zone">): Record<string, unknown> {
  if (node.props.existing) return {};
  return { [`${node.name}_name_servers`]: { value: interpolate(`aws_route53_zone.${node.name}.name_servers`), description: `Delegate ${node.props.domain} to these name servers.` } };
}
