import type { GraphNode } from "../../../compiler/graph.js";
import type { TerraformDocument } from "../document.js";
import { valueString } from "../expression.js";
import { nameTag } from "../naming.js";

/** A Route53 health check: probes from several regions, unhealthy after `failureThreshold` failures in a row. */
export function lowerHealthCheck(node: GraphNode<"health-check">, tf: TerraformDocument): void {
  const { props } = node;
  const port = props.port ?? (props.protocol === "https" ? 443 : 80);
  tf.resource(
    "aws_route53_health_check",
    node.name,
    {
      fqdn: valueString(props.target),
      type: props.protocol.toUpperCase(),
      port,
      ...(props.protocol === "tcp" ? {} : { resource_path: props.path ?? "/" }),
      // The TLS handshake names the host, as browsers do, so the right certificate is presented.
      ...(props.protocol === "https" ? { enable_sni: true } : {}),
      request_interval: props.intervalS,
      failure_threshold: props.failureThreshold,
      tags: nameTag(node.name),
    },
    node.name,
  );
}
