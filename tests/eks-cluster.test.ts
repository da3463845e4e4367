import { describe, expect, it } from "vitest";
import { clusterSystem, statementsOf, terraformOf, webCluster } from "./helpers/eks.js";

describe("an EKS cluster", () => {
  const doc = terraformOf(webCluster);
  const cluster = doc.resource.aws_eks_cluster?.web as Record<string, any>;

  it("lives in the network's private subnets, its API reachable from the VPC only unless ranges are given", () => {
    expect(cluster.vpc_config).toEqual({
      subnet_ids: ["${aws_subnet.main_private_0.id}", "${aws_subnet.main_private_1.id}"],
      endpoint_private_access: true,
      endpoint_public_access: "${length(var.web_public_access_cidrs) > 0}",
      public_access_cidrs: "${length(var.web_public_access_cidrs) > 0 ? var.web_public_access_cidrs : null}",
    });
    expect(doc.variable.web_public_access_cidrs).toMatchObject({ type: "list(string)", default: [] });
    // Terraform itself refuses a range wider than /8, whatever is passed with -var.
    expect(JSON.stringify(doc.variable.web_public_access_cidrs?.validation)).toContain(">= 8");
  });

  it("encrypts secrets with its own rotating KMS key and logs the control plane to an encrypted group with retention", () => {
    expect(cluster.encryption_config).toEqual({ resources: ["secrets"], provider: { key_arn: "${aws_kms_key.web_secrets.arn}" } });
    expect(doc.resource.aws_kms_key?.web_secrets).toMatchObject({ enable_key_rotation: true });
    expect(cluster.enabled_cluster_log_types).toEqual(["api", "audit", "authenticator", "controllerManager", "scheduler"]);
    expect(doc.resource.aws_cloudwatch_log_group?.web_control_plane).toEqual({ name: "/aws/eks/${var.name_prefix}-web/cluster", retention_in_days: 90, kms_key_id: "${aws_kms_key.noros_logs.arn}" });
    expect(cluster.depends_on).toContain("aws_cloudwatch_log_group.web_control_plane");
  });

  it("has an OIDC provider for IAM roles of service accounts", () => {
    expect(doc.resource.aws_iam_openid_connect_provider?.web).toMatchObject({ url: "${aws_eks_cluster.web.identity[0].oidc[0].issuer}", client_id_list: ["sts.amazonaws.com"] });
  });

  it("gives the control plane a role EKS assumes, with the cluster policy", () => {
    expect(statementsOf(doc, "web_eks_assume")[0]).toMatchObject({ actions: ["sts:AssumeRole", "sts:TagSession"], principals: [{ type: "Service", identifiers: ["eks.amazonaws.com"] }] });
    expect(doc.resource.aws_iam_role_policy_attachment?.web_cluster?.policy_arn).toBe("arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonEKSClusterPolicy");
  });

  it("gives the nodes a role with exactly the worker, CNI and ECR read-only policies", () => {
    const attached = Object.entries(doc.resource.aws_iam_role_policy_attachment ?? {})
      .filter(([, a]) => a.role === "${aws_iam_role.web_node.name}")
      .map(([, a]) => String(a.policy_arn).split("/").pop())
      .sort();
    expect(attached).toEqual(["AmazonEC2ContainerRegistryReadOnly", "AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy"]);
  });

  it("declares each node group with its size, labels (plus the noros.dev/node-group label) and taints", () => {
    expect(doc.resource.aws_eks_node_group?.web_core).toMatchObject({
      instance_types: ["t3.medium"],
      scaling_config: { min_size: 2, max_size: 3, desired_size: 2 },
      labels: { role: "core", "noros.dev/node-group": "core" },
      taint: [{ key: "dedicated", value: "core", effect: "NO_SCHEDULE" }],
      subnet_ids: ["${aws_subnet.main_private_0.id}", "${aws_subnet.main_private_1.id}"],
      lifecycle: { ignore_changes: ["scaling_config[0].desired_size"] },
    });
    expect(doc.resource.aws_eks_node_group?.web_main).toMatchObject({ labels: { role: "apps", "noros.dev/node-group": "main" }, scaling_config: { min_size: 2, max_size: 6 } });
    expect(doc.resource.aws_eks_node_group?.web_main).not.toHaveProperty("taint");
  });

  it("starts nodes with IMDSv2 and a hop limit of 1 (pods cannot use the node's role) and encrypted volumes", () => {
    expect(doc.resource.aws_launch_template?.web_main).toMatchObject({
      metadata_options: { http_tokens: "required", http_put_response_hop_limit: 1 },
      block_device_mappings: [{ ebs: { encrypted: "true", volume_type: "gp3" } }],
    });
  });

  it("configures the kubernetes and helm providers from the cluster's data sources, pinned", () => {
    const connection = {
      host: "${data.aws_eks_cluster.web.endpoint}",
      cluster_ca_certificate: "${base64decode(data.aws_eks_cluster.web.certificate_authority[0].data)}",
      token: "${data.aws_eks_cluster_auth.web.token}",
    };
    expect(doc.provider.kubernetes).toEqual(connection);
    expect(doc.provider.helm).toEqual({ kubernetes: connection });
    expect(doc.terraform.required_providers).toMatchObject({ kubernetes: { source: "hashicorp/kubernetes", version: "2.38.0" }, helm: { source: "hashicorp/helm", version: "3.1.1" } });
  });

  it("picks the arm64 node image for a Graviton group, and adds no kubernetes provider to a system without a cluster", () => {
    const arm = terraformOf(clusterSystem({ cluster: 'nodeGroups: { main: { instanceType: "t4g.medium" } }' }));
    expect(arm.resource.aws_eks_node_group?.k8s_main?.ami_type).toBe("AL2023_ARM_64_STANDARD");
    expect(arm.resource.helm_release).toBeUndefined();
    const hello = terraformOf(webCluster.replace(/web-cluster\/web-cluster/, "hello/hello"));
    expect(Object.keys(hello.terraform.required_providers)).toEqual(["aws"]);
  });

  it("installs the EBS CSI driver with its own role and makes encrypted gp3 the default storage class", () => {
    expect(doc.resource.aws_eks_addon?.web_ebs_csi).toMatchObject({ addon_name: "aws-ebs-csi-driver", service_account_role_arn: "${aws_iam_role.web_ebs_csi.arn}" });
    expect(doc.resource.kubernetes_storage_class_v1?.web_gp3).toMatchObject({ parameters: { type: "gp3", encrypted: "true" }, metadata: { annotations: { "storageclass.kubernetes.io/is-default-class": "true" } } });
  });
});
