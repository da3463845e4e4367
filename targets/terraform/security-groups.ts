import type { Graph } from "../../compiler/graph.js";
import type { TerraformDocument } from "./document.js";
import { interpolate } from "./expression.js";
import { localName } from "./naming.js";

/**
 * The security group each kind of construct owns, by kind: what a flow `from: web` or `to: db` lowers
 * to. A construct kind that owns a security group adds one line here.
 */
export const securityGroupAddresses: Readonly<Record<string, (name: string) => string>> = {
  host: (n) => `aws_security_group.${n}`,
  "host-group": (n) => `aws_security_group.${n}`,
  service: (n) => `aws_security_group.${n}_service`,
  "load-balancer": (n) => `aws_security_group.${n}_lb`,
  database: (n) => `aws_security_group.${n}_database`,
  cache: (n) => `aws_security_group.${n}_cache`,
};

export function securityGroupOf(kind: string, name: string): string {
  const address = securityGroupAddresses[kind];
  if (!address) throw new Error(`internal: a ${kind} owns no security group`);
  return address(name);
}

/** Where a flow comes from: an address range, a network's whole range, or another construct's security group. */
export type FlowSource = { readonly cidr: string } | { readonly network: string } | { readonly kind: string; readonly name: string };

/**
 * One inbound flow as a security group rule: from a CIDR block, or from the security group of the
 * construct that sends it (so "web accepts 443 from lb" stays true when lb's addresses change). A
 * sender's own group lets out only what it is meant to reach, so a flow from a construct also gets
 * the sender's matching egress rule, named `<sender>_to_<receiver>_<protocol>_<port>`.
 */
export function allowIngress(
  tf: TerraformDocument,
  rule: {
    readonly to: string;
    readonly name: string;
    readonly from: FlowSource;
    readonly port: number;
    readonly toPort?: number;
    readonly protocol: "tcp" | "udp";
    readonly description: string;
    readonly origin: string;
    /** The receiver as a construct: needed to name the sender's egress rule. */
    readonly receiver?: { readonly kind: string; readonly name: string };
  },
): void {
  const ports = { ip_protocol: rule.protocol, from_port: rule.port, to_port: rule.toPort ?? rule.port };
  const source =
    "cidr" in rule.from
      ? { cidr_ipv4: rule.from.cidr }
      : "network" in rule.from
        ? { cidr_ipv4: interpolate(`aws_vpc.${rule.from.network}.cidr_block`) }
        : { referenced_security_group_id: interpolate(`${securityGroupOf(rule.from.kind, rule.from.name)}.id`) };
  tf.resource("aws_vpc_security_group_ingress_rule", rule.name, { security_group_id: interpolate(`${rule.to}.id`), description: rule.description, ...ports, ...source }, rule.origin);

  if ("kind" in rule.from) {
    const receiver = rule.receiver;
    if (!receiver) throw new Error(`internal: the flow ${rule.name} from a construct needs its receiver`);
    tf.resource(
      "aws_vpc_security_group_egress_rule",
      localName(rule.from.name, "to", receiver.name, rule.protocol, rule.port),
      {
        security_group_id: interpolate(`${securityGroupOf(rule.from.kind, rule.from.name)}.id`),
        description: `${rule.protocol}/${rule.port} to ${receiver.name}`,
        ...ports,
        referenced_security_group_id: interpolate(`${rule.to}.id`),
      },
      rule.origin,
    );
  }
}

/** Every flow of the graph as security group rules: the receiver's ingress and, for a construct sender, its egress. */
export function lowerFlows(graph: Graph, tf: TerraformDocument): void {
  for (const flow of graph.flows) {
    allowIngress(tf, {
      to: securityGroupOf(flow.to.kind, flow.to.name),
      name: localName(flow.to.name, ...flow.label),
      from: flow.from,
      port: flow.port,
      protocol: flow.protocol,
      description: flow.description,
      origin: flow.declaredBy,
      receiver: flow.to,
    });
  }
}
