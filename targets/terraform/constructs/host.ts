import { securityGroupOf } from "../security-groups.js";
import type { Graph, GraphNode } from "../../../compiler/graph.js";
import { architectureOf } from "../../../compiler/util/architecture.js";
import type { HostProps } from "../../../dsl/schemas/host.js";
import { systemTags } from "../default-tags.js";
import type { TerraformDocument } from "../document.js";
import { interpolate } from "../expression.js";
import { hostUserData, type InstanceNode } from "../host-user-data.js";
import { localName, nameTag, physicalName } from "../naming.js";
import { policyDocument } from "../policy-document.js";
import { subnetId } from "./network.js";
import { lowerRestartOnFailure } from "./restart-on-failure.js";
import { moduleTags } from "../../../compiler/util/module-flows.js";
import { NIXOS_AMI_OWNER, NIXOS_RELEASE } from "../../../compiler/util/nixos-ami.js";

export { NIXOS_AMI_OWNER, NIXOS_RELEASE };

/** The image a host boots, as the data source that also tells its root device's name. */
function amiLookup(tf: TerraformDocument, name: string, os: HostProps["os"], instanceType: string): string {
  if (os === "nixos") {
    const architecture = architectureOf(instanceType);
    return tf.data(
      "aws_ami",
      `nixos_${architecture}`,
      {
        most_recent: true,
        owners: [NIXOS_AMI_OWNER],
        filter: [
          { name: "name", values: [`nixos/${NIXOS_RELEASE}*`] },
          { name: "architecture", values: [architecture] },
        ],
      },
      name,
    );
  }
  // A given AMI is looked up by its id only to learn its root device name (/dev/xvda, /dev/sda1, ...).
  return tf.data("aws_ami", localName(name, "ami"), { filter: [{ name: "image-id", values: [os.ami] }] }, name);
}

/**
 * The identity an instance acts with: a role only EC2 may assume, holding Session Manager's managed
 * policy (AmazonSSMManagedInstanceCore: the SSM agent's registration, Run Command and Session Manager
 * channels, nothing else) plus whatever the construct's relationships grant, and its instance profile.
 */
export function lowerInstanceRole(tf: TerraformDocument, n: string): void {
  const assume = tf.data(
    "aws_iam_policy_document",
    localName(n, "assume"),
    policyDocument([{ sid: "Ec2AssumeRole", actions: ["sts:AssumeRole"], principals: [{ type: "Service", identifiers: ["ec2.amazonaws.com"] }] }]),
    n,
  );
  tf.resource("aws_iam_role", n, { name: physicalName(n), assume_role_policy: interpolate(`${assume}.json`), tags: nameTag(n) }, n);
  tf.resource("aws_iam_role_policy_attachment", localName(n, "ssm"), { role: interpolate(`aws_iam_role.${n}.name`), policy_arn: "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore" }, n);
  tf.resource("aws_iam_instance_profile", n, { name: physicalName(n), role: interpolate(`aws_iam_role.${n}.name`) }, n);
}

/** A security group that lets the instance reach HTTPS only; the declared ingress comes from the flows. */
export function lowerInstanceSecurityGroup(tf: TerraformDocument, kind: "host" | "host-group", n: string, network: GraphNode<"network">): void {
  const group = securityGroupOf(kind, n);
  const [type, local] = group.split(".") as [string, string];
  tf.resource(type, local, { name: physicalName(n), description: `noros ${kind} ${n}`, vpc_id: interpolate(`aws_vpc.${network.name}.id`), tags: nameTag(n) }, n);
  tf.resource(
    "aws_vpc_security_group_egress_rule",
    localName(n, "https"),
    { security_group_id: interpolate(`${group}.id`), description: "HTTPS: Session Manager, S3, the Nix binary cache", ip_protocol: "tcp", from_port: 443, to_port: 443, cidr_ipv4: "0.0.0.0/0" },
    n,
  );
  // Its ingress is lowered with every other flow (security-groups.ts lowerFlows), like the firewall.
}

/** What a launch template needs to know about the instances it launches. */
export interface LaunchSpec {
  readonly node: InstanceNode;
  /** A host pins its subnet here; a group's instances get theirs from the auto scaling group. */
  readonly subnetId?: string;
}

/**
 * Every instance noros runs is launched from a launch template, so a host and the instances of a host
 * group are configured by the same code: IMDSv2 only with a hop limit of one (a container on the host
 * cannot reach the instance's credentials), detailed monitoring, an encrypted gp3 root volume deleted
 * with the instance, a public IP only in a public subnet, the instance profile, and the user data.
 * Volumes are tagged here because AWS creates them: the provider's default tags never reach them.
 * Returns the `launch_template` block that launches from the template's latest version.
 */
export function lowerLaunchTemplate(tf: TerraformDocument, graph: Graph, n: string, spec: LaunchSpec): Record<string, string> {
  const { props, kind } = spec.node;
  const ami = amiLookup(tf, n, props.os, props.instanceType);
  const configuration = graph.hostConfigurations.get(n);
  // The whole user data when it fits in EC2's 16 KB, else a script fetching it from S3 (user-data-staging.ts).
  const userData = configuration ? hostUserData(spec.node, graph) : undefined;
  // Launch templates take user data base64-encoded; a local keeps the script readable in the output.
  if (userData !== undefined) tf.local(localName(n, "user_data"), userData, n);
  tf.resource(
    "aws_launch_template",
    n,
    {
      name: physicalName(n),
      description: `noros ${kind} ${n}`,
      image_id: interpolate(`${ami}.id`),
      instance_type: props.instanceType,
      update_default_version: true,
      iam_instance_profile: { arn: interpolate(`aws_iam_instance_profile.${n}.arn`) },
      network_interfaces: [
        {
          device_index: 0,
          associate_public_ip_address: String(props.subnet === "public"),
          delete_on_termination: "true",
          security_groups: [interpolate(`${securityGroupOf(kind, n)}.id`)],
          ...(spec.subnetId ? { subnet_id: spec.subnetId } : {}),
        },
      ],
      metadata_options: { http_endpoint: "enabled", http_tokens: "required", http_put_response_hop_limit: 1 },
      monitoring: { enabled: true },
      block_device_mappings: [
        {
          device_name: interpolate(`${ami}.root_device_name`),
          ebs: { encrypted: "true", volume_type: "gp3", volume_size: props.diskGb, delete_on_termination: "true" },
        },
      ],
      tag_specifications: [{ resource_type: "volume", tags: { ...systemTags(graph.system), ...nameTag(n), "noros:host": physicalName(n) } }],
      ...(userData !== undefined ? { user_data: interpolate(`base64encode(local.${localName(n, "user_data")})`) } : {}),
      tags: nameTag(n),
    },
    n,
  );
  return { id: interpolate(`aws_launch_template.${n}.id`), version: interpolate(`aws_launch_template.${n}.latest_version`) };
}

/**
 * One instance from its own launch template, with its own role (Session Manager only: no SSH key, no
 * port 22) and security group. Whatever the template holds (instance type, disk, environment) is part
 * of the instance: changing it replaces the instance, visibly in the plan. A NixOS configuration is
 * delivered separately (constructs/delivery.ts) and never replaces it.
 */
export function lowerHost(node: GraphNode<"host">, tf: TerraformDocument, graph: Graph, networks: ReadonlyMap<string, GraphNode<"network">>): void {
  const n = node.name;
  const { props } = node;
  const network = networks.get(props.network.name) as GraphNode<"network">;
  lowerInstanceRole(tf, n);
  lowerInstanceSecurityGroup(tf, "host", n, network);
  const launchTemplate = lowerLaunchTemplate(tf, graph, n, { node, subnetId: subnetId(network, props.subnet, 0) });
  // Modules' cluster tags: Consul's and Nomad's retry_join find their peers by them.
  tf.resource("aws_instance", n, { launch_template: launchTemplate, tags: { ...props.tags, ...moduleTags(props.modules), ...nameTag(n) } }, n);
  lowerRestartOnFailure(node, tf, graph.system.props.region);
}
