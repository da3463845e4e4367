import type { GraphNode } from "../../../compiler/graph.js";
import type { TerraformDocument } from "../document.js";
import { interpolate } from "../expression.js";
import { localName, nameTag } from "../naming.js";

export const AVAILABILITY_ZONES = "data.aws_availability_zones.available";

/** The id of one of a network's subnets, as a Terraform expression. */
export function subnetId(network: GraphNode<"network">, kind: "public" | "private", index: number): string {
  return interpolate(`aws_subnet.${localName(network.name, kind, index)}.id`);
}

export function s3EndpointId(network: GraphNode<"network">): string {
  return interpolate(`aws_vpc_endpoint.${localName(network.name, "s3")}.id`);
}

/**
 * A VPC whose default security group allows nothing, subnets spread over availability zones, an
 * internet gateway only when there are public subnets, optional NAT, and an S3 gateway endpoint.
 */
export function lowerNetwork(node: GraphNode<"network">, tf: TerraformDocument, region: string): void {
  const n = node.name;
  const { props } = node;
  const vpcId = interpolate(`aws_vpc.${n}.id`);
  tf.data("aws_availability_zones", "available", { state: "available" }, n);
  tf.resource("aws_vpc", n, { cidr_block: props.cidr, enable_dns_support: true, enable_dns_hostnames: true, tags: nameTag(n) }, n);
  // Without rules, the default security group denies everything (CIS AWS 5.4).
  tf.resource("aws_default_security_group", n, { vpc_id: vpcId, tags: nameTag(n, "default") }, n);

  const routeTables: string[] = [];
  for (const kind of ["public", "private"] as const) {
    const cidrs = kind === "public" ? props.publicSubnets : props.privateSubnets;
    if (cidrs.length === 0) continue;
    const table = localName(n, kind);
    tf.resource("aws_route_table", table, { vpc_id: vpcId, tags: nameTag(n, kind) }, n);
    routeTables.push(interpolate(`aws_route_table.${table}.id`));
    cidrs.forEach((cidr, i) => {
      const subnet = localName(n, kind, i);
      tf.resource(
        "aws_subnet",
        subnet,
        {
          vpc_id: vpcId,
          cidr_block: cidr,
          availability_zone: interpolate(`${AVAILABILITY_ZONES}.names[${i % props.availabilityZones}]`),
          map_public_ip_on_launch: false,
          tags: nameTag(n, `${kind}-${i}`),
        },
        n,
      );
      tf.resource("aws_route_table_association", subnet, { subnet_id: interpolate(`aws_subnet.${subnet}.id`), route_table_id: interpolate(`aws_route_table.${table}.id`) }, n);
    });
  }

  if (props.publicSubnets.length > 0) {
    tf.resource("aws_internet_gateway", n, { vpc_id: vpcId, tags: nameTag(n) }, n);
    tf.resource(
      "aws_route",
      localName(n, "public", "internet"),
      { route_table_id: interpolate(`aws_route_table.${localName(n, "public")}.id`), destination_cidr_block: "0.0.0.0/0", gateway_id: interpolate(`aws_internet_gateway.${n}.id`) },
      n,
    );
  }
  if (props.natGateway && props.privateSubnets.length > 0) {
    tf.resource("aws_eip", localName(n, "nat"), { domain: "vpc", tags: nameTag(n, "nat") }, n);
    tf.resource(
      "aws_nat_gateway",
      n,
      { allocation_id: interpolate(`aws_eip.${localName(n, "nat")}.id`), subnet_id: interpolate(`aws_subnet.${localName(n, "public", 0)}.id`), tags: nameTag(n), depends_on: [`aws_internet_gateway.${n}`] },
      n,
    );
    tf.resource(
      "aws_route",
      localName(n, "private", "nat"),
      { route_table_id: interpolate(`aws_route_table.${localName(n, "private")}.id`), destination_cidr_block: "0.0.0.0/0", nat_gateway_id: interpolate(`aws_nat_gateway.${n}.id`) },
      n,
    );
  }
  if (props.s3Endpoint) {
    tf.resource(
      "aws_vpc_endpoint",
      localName(n, "s3"),
      { vpc_id: vpcId, service_name: `com.amazonaws.${region}.s3`, vpc_endpoint_type: "Gateway", route_table_ids: routeTables, tags: nameTag(n, "s3") },
      n,
    );
  }
}
