/**
 * An EKS cluster: the control plane in the network's private subnets with its API reachable only from
 * the VPC (plus `publicAccessCidrs`), secrets envelope-encrypted with the cluster's own KMS key,
 * control-plane logs in a log group with retention, the OIDC provider that IAM roles of service
 * accounts trust, and managed node groups (IMDSv2 with hop limit 1, so pods cannot borrow the node's
 * role; encrypted gp3 volumes; no SSH). The kubernetes and helm providers are configured from the
 * cluster's data sources, so what runs on the cluster is part of the same configuration.
 */
import { architectureOf } from "../../../../compiler/util/architecture.js";
import { nodesOf, type Graph, type GraphNode } from "../../../../compiler/graph.js";
import type { TerraformDocument } from "../../document.js";
import { interpolate } from "../../expression.js";
import { localName, nameTag, physicalName } from "../../naming.js";
import { policyDocument } from "../../policy-document.js";
import { subnetId } from "../network.js";
import { APPS_NAMESPACE, clusterName, nodeGroupAddress, PARTITION } from "./addresses.js";
import { lowerAutoscaler } from "./autoscaler.js";
import { lowerCertificateAuthority } from "./certificate-authority.js";
import { lowerIngress } from "./ingress.js";
import { serviceAccountRole } from "./irsa.js";
import { lowerMonitoring } from "./monitoring.js";
import { eksTaintEffect, NODE_GROUP_LABEL } from "./scheduling.js";
import { logsKeyArn } from "../logs-key.js";


function managedPolicy(name: string): string {
  return `arn:${interpolate(PARTITION)}:iam::aws:policy/${name}`;
}

function clusterRole(tf: TerraformDocument, n: string): string {
  const assume = tf.data(
    "aws_iam_policy_document",
    localName(n, "eks_assume"),
    policyDocument([{ sid: "EksAssumesRole", actions: ["sts:AssumeRole", "sts:TagSession"], principals: [{ type: "Service", identifiers: ["eks.amazonaws.com"] }] }]),
    n,
  );
  tf.resource("aws_iam_role", localName(n, "cluster"), { name: physicalName(n, "cluster"), assume_role_policy: interpolate(`${assume}.json`), tags: nameTag(n, "cluster") }, n);
  return tf.resource(
    "aws_iam_role_policy_attachment",
    localName(n, "cluster"),
    { role: interpolate(`aws_iam_role.${localName(n, "cluster")}.name`), policy_arn: managedPolicy("AmazonEKSClusterPolicy") },
    n,
  );
}

/** The role every node group's instances share: join the cluster, run the VPC CNI, pull images from ECR. */
function nodeRole(tf: TerraformDocument, n: string): string[] {
  const assume = tf.data(
    "aws_iam_policy_document",
    localName(n, "node_assume"),
    policyDocument([{ sid: "Ec2AssumesRole", actions: ["sts:AssumeRole"], principals: [{ type: "Service", identifiers: ["ec2.amazonaws.com"] }] }]),
    n,
  );
  tf.resource("aws_iam_role", localName(n, "node"), { name: physicalName(n, "node"), assume_role_policy: interpolate(`${assume}.json`), tags: nameTag(n, "node") }, n);
  const attachments = [
    ["worker", "AmazonEKSWorkerNodePolicy"],
    ["cni", "AmazonEKS_CNI_Policy"],
    ["ecr", "AmazonEC2ContainerRegistryReadOnly"],
  ] as const;
  return attachments.map(([suffix, policy]) =>
    tf.resource("aws_iam_role_policy_attachment", localName(n, "node", suffix), { role: interpolate(`aws_iam_role.${localName(n, "node")}.name`), policy_arn: managedPolicy(policy) }, n),
  );
}

function nodeGroups(node: GraphNode<"cluster">, tf: TerraformDocument, subnets: readonly string[], attachments: readonly string[]): void {
  const n = node.name;
  for (const [group, spec] of Object.entries(node.props.nodeGroups).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const name = localName(n, group);
    tf.resource(
      "aws_launch_template",
      name,
      {
        name: physicalName(n, group),
        description: `Nodes of group ${group} of cluster ${n}`,
        update_default_version: true,
        // Hop limit 1: a pod (one network hop further) cannot reach the metadata service and the node's role.
        metadata_options: { http_endpoint: "enabled", http_tokens: "required", http_put_response_hop_limit: 1 },
        block_device_mappings: [{ device_name: "/dev/xvda", ebs: { volume_size: spec.diskGb, volume_type: "gp3", encrypted: "true", delete_on_termination: "true" } }],
        tag_specifications: [{ resource_type: "instance", tags: nameTag(n, group) }],
        tags: nameTag(n, group),
      },
      n,
    );
    const arm = architectureOf(spec.instanceType) === "arm64";
    tf.resource(
      "aws_eks_node_group",
      name,
      {
        cluster_name: clusterName(n),
        node_group_name: physicalName(n, group),
        node_role_arn: interpolate(`aws_iam_role.${localName(n, "node")}.arn`),
        subnet_ids: [...subnets],
        instance_types: [spec.instanceType],
        ami_type: arm ? "AL2023_ARM_64_STANDARD" : "AL2023_x86_64_STANDARD",
        capacity_type: "ON_DEMAND",
        labels: { ...spec.labels, [NODE_GROUP_LABEL]: group },
        ...(spec.taints.length > 0 ? { taint: spec.taints.map((t) => ({ key: t.key, value: t.value, effect: eksTaintEffect[t.effect as keyof typeof eksTaintEffect] })) } : {}),
        scaling_config: { min_size: spec.min, max_size: spec.max, desired_size: spec.min },
        update_config: { max_unavailable: 1 },
        launch_template: { id: interpolate(`aws_launch_template.${name}.id`), version: interpolate(`aws_launch_template.${name}.latest_version`) },
        tags: nameTag(n, group),
        // The cluster autoscaler owns the desired size once the group exists.
        lifecycle: { ignore_changes: ["scaling_config[0].desired_size"] },
        depends_on: [...attachments],
      },
      n,
    );
  }
}

/** The kubernetes and helm providers, authenticated with a short-lived token of whoever runs Terraform. */
function providers(tf: TerraformDocument, n: string): void {
  const cluster = tf.data("aws_eks_cluster", n, { name: clusterName(n) }, n);
  const auth = tf.data("aws_eks_cluster_auth", n, { name: clusterName(n) }, n);
  const connection = {
    host: interpolate(`${cluster}.endpoint`),
    cluster_ca_certificate: interpolate(`base64decode(${cluster}.certificate_authority[0].data)`),
    token: interpolate(`${auth}.token`),
  };
  tf.provider("kubernetes", connection, n);
  tf.provider("helm", { kubernetes: connection }, n);
}

/**
 * Volumes for what keeps state (Consul's servers, a database): the EBS CSI driver as an EKS add-on,
 * with an IRSA role holding AWS's policy for it, and a default StorageClass of encrypted gp3 volumes
 * (EKS makes none the default, and its gp2 class is unencrypted).
 */
function storage(tf: TerraformDocument, n: string, groups: readonly string[]): void {
  const role = serviceAccountRole(tf, {
    cluster: n,
    role: localName(n, "ebs_csi"),
    owner: n,
    suffix: "ebs-csi",
    namespace: "kube-system",
    serviceAccount: "ebs-csi-controller-sa",
    statements: [],
    managedPolicies: [managedPolicy("service-role/AmazonEBSCSIDriverPolicy")],
    origin: n,
  });
  tf.resource(
    "aws_eks_addon",
    localName(n, "ebs_csi"),
    { cluster_name: clusterName(n), addon_name: "aws-ebs-csi-driver", service_account_role_arn: interpolate(`${role}.arn`), resolve_conflicts_on_update: "OVERWRITE", tags: nameTag(n, "ebs-csi"), depends_on: [...groups] },
    n,
  );
  tf.resource(
    "kubernetes_storage_class_v1",
    localName(n, "gp3"),
    {
      metadata: { name: "gp3", annotations: { "storageclass.kubernetes.io/is-default-class": "true" } },
      storage_provisioner: "ebs.csi.aws.com",
      reclaim_policy: "Delete",
      volume_binding_mode: "WaitForFirstConsumer",
      allow_volume_expansion: true,
      parameters: { type: "gp3", encrypted: "true" },
      depends_on: [`aws_eks_addon.${localName(n, "ebs_csi")}`],
    },
    n,
  );
}

export function lowerCluster(node: GraphNode<"cluster">, tf: TerraformDocument, graph: Graph, networks: ReadonlyMap<string, GraphNode<"network">>, region: string): void {
  const n = node.name;
  const { props } = node;
  const network = networks.get(props.network.name) as GraphNode<"network">;
  const subnets = network.props.privateSubnets.map((_cidr, i) => subnetId(network, "private", i));
  tf.data("aws_partition", "current", {}, "system");
  tf.data("aws_caller_identity", "current", {}, "system");

  // Created before the cluster, so EKS writes into a group with retention rather than one kept forever.
  const logs = tf.resource("aws_cloudwatch_log_group", localName(n, "control_plane"), { name: `/aws/eks/${physicalName(n)}/cluster`, retention_in_days: props.logRetentionDays, kms_key_id: logsKeyArn(tf, region) }, n);
  tf.resource(
    "aws_kms_key",
    localName(n, "secrets"),
    { description: `Envelope encryption of the Kubernetes secrets of cluster ${n}`, enable_key_rotation: true, deletion_window_in_days: 30, tags: nameTag(n, "secrets") },
    n,
  );
  tf.resource("aws_kms_alias", localName(n, "secrets"), { name: `alias/${physicalName(n, "secrets")}`, target_key_id: interpolate(`aws_kms_key.${localName(n, "secrets")}.key_id`) }, n);
  const roleAttachment = clusterRole(tf, n);

  const cidrs = localName(n, "public_access_cidrs");
  tf.variable(cidrs, {
    type: "list(string)",
    default: [...props.publicAccessCidrs],
    description: `Address ranges that may reach the API of cluster ${n} from the internet; empty: only from inside the VPC.`,
    validation: [{ condition: `\${alltrue([for c in var.${cidrs} : tonumber(split("/", c)[1]) >= 8])}`, error_message: "Each range must be a /8 or narrower: the API is not opened to the whole internet." }],
  });

  tf.resource(
    "aws_eks_cluster",
    n,
    {
      name: physicalName(n),
      version: props.version,
      role_arn: interpolate(`aws_iam_role.${localName(n, "cluster")}.arn`),
      enabled_cluster_log_types: [...props.logTypes],
      vpc_config: {
        subnet_ids: subnets,
        endpoint_private_access: true,
        endpoint_public_access: interpolate(`length(var.${cidrs}) > 0`),
        public_access_cidrs: interpolate(`length(var.${cidrs}) > 0 ? var.${cidrs} : null`),
      },
      encryption_config: { resources: ["secrets"], provider: { key_arn: interpolate(`aws_kms_key.${localName(n, "secrets")}.arn`) } },
      // Access entries only (no aws-auth ConfigMap); whoever creates the cluster administers it.
      access_config: { authentication_mode: "API", bootstrap_cluster_creator_admin_permissions: true },
      // Standard support only: extended support costs six times as much and is never chosen silently.
      upgrade_policy: { support_type: "STANDARD" },
      tags: nameTag(n),
      depends_on: [logs, roleAttachment],
    },
    n,
  );
  tf.resource(
    "aws_iam_openid_connect_provider",
    n,
    { url: interpolate(`aws_eks_cluster.${n}.identity[0].oidc[0].issuer`), client_id_list: ["sts.amazonaws.com"], tags: nameTag(n, "oidc") },
    n,
  );
  nodeGroups(node, tf, subnets, nodeRole(tf, n));
  providers(tf, n);

  const groups = Object.keys(props.nodeGroups).map((g) => nodeGroupAddress(n, g)).sort();
  tf.resource(
    "kubernetes_namespace_v1",
    localName(n, "apps"),
    {
      metadata: {
        name: APPS_NAMESPACE,
        labels: { "pod-security.kubernetes.io/enforce": "restricted", "pod-security.kubernetes.io/warn": "restricted" },
      },
      depends_on: groups,
    },
    n,
  );

  storage(tf, n, groups);

  const services = nodesOf(graph, "service").filter((s) => s.props.run?.on === "eks" && s.props.run.cluster.name === n);
  const monitoring = lowerMonitoring(node, tf, services, groups, region);
  if (props.ingress) lowerIngress(node, tf, groups, monitoring);
  if (props.autoscaler) lowerAutoscaler(node, tf, groups, region, monitoring);
  if (props.certificateAuthority) lowerCertificateAuthority(node, tf, groups, monitoring);
}
