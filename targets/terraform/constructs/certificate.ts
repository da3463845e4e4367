import type { GraphNode } from "../../../compiler/graph.js";
import type { TerraformDocument } from "../document.js";
import { interpolate } from "../expression.js";
import { localName, nameTag } from "../naming.js";

/**
 * An ACM certificate validated by DNS: one validation record per distinct name in the certificate's
 * zone, and an `aws_acm_certificate_validation` that waits until ACM has issued it. Whatever uses the
 * certificate refers to the validation, so no listener ever gets an unissued certificate.
 */
export function lowerCertificate(node: GraphNode<"certificate">, tf: TerraformDocument): void {
  const n = node.name;
  const { props } = node;
  const names = [...new Set([props.domain, ...props.alternativeNames])];
  tf.resource(
    "aws_acm_certificate",
    n,
    {
      domain_name: props.domain,
      ...(names.length > 1 ? { subject_alternative_names: names.slice(1) } : {}),
      validation_method: "DNS",
      key_algorithm: "EC_prime256v1",
      // A replaced certificate must be issued before listeners let go of the old one.
      lifecycle: { create_before_destroy: true },
      tags: nameTag(n),
    },
    n,
  );
  // domain_validation_options is a set with one element per distinct name, so the count is known
  // here; "*.example.com" and "example.com" share one record, which allow_overwrite tolerates.
  const records = names.map((_name, i) => {
    const option = `tolist(aws_acm_certificate.${n}.domain_validation_options)[${i}]`;
    const record = localName(n, "validation", i);
    tf.resource(
      "aws_route53_record",
      record,
      {
        zone_id: interpolate(`local.${props.zone.name}_zone_id`),
        name: interpolate(`${option}.resource_record_name`),
        type: interpolate(`${option}.resource_record_type`),
        records: [interpolate(`${option}.resource_record_value`)],
        ttl: 60,
        allow_overwrite: true,
      },
      n,
    );
    return interpolate(`aws_route53_record.${record}.fqdn`);
  });
  tf.resource("aws_acm_certificate_validation", n, { certificate_arn: interpolate(`aws_acm_certificate.${n}.arn`), validation_record_fqdns: records }, n);
}
