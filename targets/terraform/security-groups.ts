import type { TerraformDocument } from "./document.js";
import { interpolate } from "./expression.js";

/**
 * The security group each kind of construct owns, by kind: what a flow `from: web` or `to: db` lowers
 * to. A construct kind that owns a security group adds one line here.
 */
export const securityGroupAddresses: Readonly<Record<string, (name: string) => string>> = {
  host: (n) => `aws_security_group.${n}`,
  "host-group": (n) => `aws_security_group.${n}`,
  service: (n) => `aws_security_group.${n}_service`,
};

export function securityGroupOf(kind: string, name: string): string {
  const address = securityGroupAddresses[kind];
  if (!address) throw new Error(`internal: a ${kind} owns no security group`);
  return address(name);
}

/** Where a flow comes from: an address range, or another construct's security group. */
export type FlowSource = { readonly cidr: string } | { readonly kind: string; readonly name: string };

/**
 * One inbound flow as a security group rule: from a CIDR block, or from the security group of the
 * construct that sends it (so "web accepts 443 from lb" stays true when lb's addresses change).
 */
export function allowIngress(
  tf: TerraformDocument,
  rule: { readonly to: string; readonly name: string; readonly from: FlowSource; readonly port: number; readonly toPort?: number; readonly protocol: "tcp" | "udp"; readonly description: string; readonly origin: string },
): void {
  const source = "cidr" in rule.from ? { cidr_ipv4: rule.from.cidr } : { referenced_security_group_id: interpolate(`${securityGroupOf(rule.from.kind, rule.from.name)}.id`) };
  tf.resource(
    "aws_vpc_security_group_ingress_rule",
    rule.name,
    {
      security_group_id: interpolate(`${rule.to}.id`),
      description: rule.description,
      ip_protocol: rule.protocol,
      from_port: rule.port,
      to_port: rule.toPort ?? rule.port,
      ...source,
    },
    rule.origin,
  );
}
