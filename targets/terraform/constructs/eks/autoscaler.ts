/**
 * The cluster autoscaler on the given node group, discovering the cluster's node groups by the tags
 * EKS puts on their autoscaling groups. Its IRSA role may change the size of exactly this cluster's
 * autoscaling groups and describe its node groups; the describe calls it also needs accept no
 * resource scope (AWS documents them with "*") and change nothing.
 */
import type { GraphNode } from "../../../../compiler/graph.js";
import type { TerraformDocument } from "../../document.js";
import { interpolate } from "../../expression.js";
import { localName } from "../../naming.js";
import { pinnedCharts } from "./charts.js";
import { ACCOUNT, nodeGroupAddress, PARTITION } from "./addresses.js";
import { ROLE_ANNOTATION, serviceAccountRole } from "./irsa.js";
import { helmRelease } from "./release.js";
import { placement } from "./scheduling.js";
import { expr } from "./values.js";

const ACCOUNT_NAME = "cluster-autoscaler";
const NAMESPACE = "kube-system";

export function lowerAutoscaler(node: GraphNode<"cluster">, tf: TerraformDocument, groups: readonly string[], region: string, monitoring: string | undefined): void {
  const n = node.name;
  const autoscaler = node.props.autoscaler as NonNullable<GraphNode<"cluster">["props"]["autoscaler"]>;
  const names = Object.keys(node.props.nodeGroups).sort();
  const asgArns = names.map(
    (g) => `arn:${interpolate(PARTITION)}:autoscaling:${region}:${interpolate(ACCOUNT)}:autoScalingGroup:*:autoScalingGroupName/${interpolate(`${nodeGroupAddress(n, g)}.resources[0].autoscaling_groups[0].name`)}`,
  );
  const role = serviceAccountRole(tf, {
    cluster: n,
    role: localName(n, "autoscaler"),
    owner: n,
    suffix: "autoscaler",
    namespace: NAMESPACE,
    serviceAccount: ACCOUNT_NAME,
    origin: n,
    statements: [
      {
        sid: "DescribeScalingState",
        actions: [
          "autoscaling:DescribeAutoScalingGroups",
          "autoscaling:DescribeAutoScalingInstances",
          "autoscaling:DescribeLaunchConfigurations",
          "autoscaling:DescribeScalingActivities",
          "autoscaling:DescribeTags",
          "ec2:DescribeImages",
          "ec2:DescribeInstanceTypes",
          "ec2:DescribeLaunchTemplateVersions",
          "ec2:GetInstanceTypesFromInstanceRequirements",
        ],
        resources: ["*"],
      },
      { sid: "DescribeOwnNodeGroups", actions: ["eks:DescribeNodegroup"], resources: names.map((g) => interpolate(`${nodeGroupAddress(n, g)}.arn`)) },
      { sid: "ScaleOwnNodeGroups", actions: ["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"], resources: asgArns },
    ],
  });
  helmRelease(tf, {
    address: localName(n, "autoscaler"),
    name: "cluster-autoscaler",
    namespace: NAMESPACE,
    chart: pinnedCharts.clusterAutoscaler,
    origin: n,
    dependsOn: [...groups, ...(monitoring ? [monitoring] : [])],
    values: {
      fullnameOverride: "cluster-autoscaler",
      cloudProvider: "aws",
      awsRegion: region,
      autoDiscovery: { clusterName: expr(`aws_eks_cluster.${n}.name`) },
      rbac: { serviceAccount: { create: true, name: ACCOUNT_NAME, annotations: { [ROLE_ANNOTATION]: expr(`${role}.arn`) } } },
      ...placement(node.props, autoscaler.nodeGroup),
      extraArgs: { "balance-similar-node-groups": true, expander: "least-waste", "skip-nodes-with-local-storage": false },
      serviceMonitor: { enabled: monitoring !== undefined, namespace: NAMESPACE },
    },
  });
}
