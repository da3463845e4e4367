import type { GraphNode } from "../../../compiler/graph.js";
import type { TerraformDocument } from "../document.js";
import { interpolate } from "../expression.js";
import { localName } from "../naming.js";
import { aliasTo } from "./dns-record.js";

/**
 * Route53 failover routing: two records of one name. The primary answers while its health check (and
 * its load balancer's own target health) passes; otherwise Route53 answers with the secondary.
 */
export function lowerFailover(node: GraphNode<"failover">, tf: TerraformDocument): void {
  const n = node.name;
  const { props } = node;
  for (const role of ["primary", "secondary"] as const) {
    tf.resource(
      "aws_route53_record",
      localName(n, role),
      {
        zone_id: interpolate(`local.${props.zone.name}_zone_id`),
        name: props.name,
        type: "A",
        set_identifier: `${n}-${role}`,
        failover_routing_policy: [{ type: role.toUpperCase() }],
        ...(role === "primary" ? { health_check_id: interpolate(`aws_route53_health_check.${props.healthCheck.name}.id`) } : {}),
        ...aliasTo(props[role].name),
      },
      n,
    );
  }
}
