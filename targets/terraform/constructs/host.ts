import type { Graph, GraphNode } from "../../../compiler/graph.js";
import { architectureOf } from "../../../compiler/util/architecture.js";
import type { TerraformDocument } from "../document.js";
import { interpolate } from "../expression.js";
import { hostUserData } from "../host-user-data.js";
import { localName, nameTag, physicalName } from "../naming.js";
import { policyDocument } from "../policy-document.js";
import { allowIngress, securityGroupOf } from "../security-groups.js";
import { subnetId } from "./network.js";
import { moduleTags } from "../../../compiler/util/module-flows.js";

import { NIXOS_AMI_OWNER, NIXOS_RELEASE } from "../../../compiler/util/nixos-ami.js";

export { NIXOS_AMI_OWNER, NIXOS_RELEASE };

function nixosAmi(tf: TerraformDocument, architecture: "arm64" | "x86_64", origin: string): string {
  const name = `nixos_${architecture}`;
  tf.data(
    "aws_ami",
    name,
    {
      most_recent: true,
      owners: [NIXOS_AMI_OWNER],
      filter: [
        { name: "name", values: [`nixos/${NIXOS_RELEASE}*`] },
        { name: "architecture", values: [architecture] },
      ],
    },
    origin,
  );
  return interpolate(`data.aws_ami.${name}.id`);
}

/**
 * An instance with its own role (Session Manager only: no SSH key, no port 22), IMDSv2 with a hop
 * limit of one, an encrypted root volume, and a security group that only lets it reach HTTPS.
 */
export function lowerHost(node: GraphNode<"host">, tf: TerraformDocument, graph: Graph, networks: ReadonlyMap<string, GraphNode<"network">>): void {
  const n = node.name;
  const { props } = node;
  const network = networks.get(props.network.name) as GraphNode<"network">;

  const assume = tf.data(
    "aws_iam_policy_document",
    localName(n, "assume"),
    policyDocument([{ sid: "Ec2AssumeRole", actions: ["sts:AssumeRole"], principals: [{ type: "Service", identifiers: ["ec2.amazonaws.com"] }] }]),
    n,
  );
  tf.resource("aws_iam_role", n, { name: physicalName(n), assume_role_policy: interpolate(`${assume}.json`), tags: nameTag(n) }, n);
  tf.resource("aws_iam_role_policy_attachment", localName(n, "ssm"), { role: interpolate(`aws_iam_role.${n}.name`), policy_arn: "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore" }, n);
  tf.resource("aws_iam_instance_profile", n, { name: physicalName(n), role: interpolate(`aws_iam_role.${n}.name`) }, n);

  tf.resource("aws_security_group", n, { name: physicalName(n), description: `noros host ${n}`, vpc_id: interpolate(`aws_vpc.${network.name}.id`), tags: nameTag(n) }, n);
  tf.resource(
    "aws_vpc_security_group_egress_rule",
    localName(n, "https"),
    { security_group_id: interpolate(`aws_security_group.${n}.id`), description: "HTTPS: Session Manager, S3, the Nix binary cache", ip_protocol: "tcp", from_port: 443, to_port: 443, cidr_ipv4: "0.0.0.0/0" },
    n,
  );

  props.ingress.forEach((rule, i) => {
    allowIngress(tf, {
      to: securityGroupOf("host", n),
      name: localName(n, "ingress", i),
      from: { cidr: rule.from },
      port: rule.port,
      protocol: rule.protocol,
      description: rule.description ?? `${rule.protocol}/${rule.port} from ${rule.from}`,
      origin: n,
    });
  });

  const configuration = graph.hostConfigurations.get(n);
  const ami = props.os === "nixos" ? nixosAmi(tf, architectureOf(props.instanceType), n) : props.os.ami;
  const subnet = subnetId(network, props.subnet, 0);
  tf.resource(
    "aws_instance",
    n,
    {
      ami,
      instance_type: props.instanceType,
      subnet_id: subnet,
      vpc_security_group_ids: [interpolate(`aws_security_group.${n}.id`)],
      iam_instance_profile: interpolate(`aws_iam_instance_profile.${n}.name`),
      associate_public_ip_address: props.subnet === "public",
      monitoring: true,
      metadata_options: { http_endpoint: "enabled", http_tokens: "required", http_put_response_hop_limit: 1 },
      root_block_device: { encrypted: true, volume_type: "gp3", volume_size: props.diskGb },
      // A changed user data (environment, install script) updates the instance in place, never replaces it.
      ...(configuration ? { user_data: hostUserData(node, graph), user_data_replace_on_change: false } : {}),
      // Modules' cluster tags (Consul/Nomad retry_join finds the peers by them).
      tags: { ...moduleTags(props.modules), ...nameTag(n) },
    },
    n,
  );
}
