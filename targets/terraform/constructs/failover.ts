import type { GraphNode } from "../../../compiler/graph.js";
import type { Use } from "../../../dsl/schemas/common.js";
import type { TerraformDocument } from "../document.js";
import { interpolate } from "../expression.js";
import { localName } from "../naming.js";
import { aliasTo } from "./dns-record.js";
import { ingressHostname } from "./eks/ingress.js";

/**
 * An alias to a failover origin. A cluster's origin is the network load balancer Kubernetes creates for
 * its ingress controller: noros does not manage it, so its name is read from the controller's service
 * and its hosted zone is the region's canonical zone of network load balancers.
 */
function aliasToOrigin(origin: Use, tf: TerraformDocument, from: string): Record<string, unknown> {
  if (origin.kind !== "cluster") return aliasTo(origin.name);
  const zone = tf.data("aws_lb_hosted_zone_id", localName(origin.name, "ingress"), { load_balancer_type: "network" }, from);
  return { alias: [{ name: interpolate(ingressHostname(origin.name)), zone_id: interpolate(`${zone}.id`), evaluate_target_health: true }] };
}

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
        ...aliasToOrigin(props[role], tf, n),
      },
      n,
    );
  }
}
