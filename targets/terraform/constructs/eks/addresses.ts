/** Terraform addresses of a cluster's parts, shared by the cluster and what runs on it. */
import { interpolate } from "../../expression.js";
import { localName } from "../../naming.js";

export const PARTITION = "data.aws_partition.current.partition";
export const ACCOUNT = "data.aws_caller_identity.current.account_id";

/** The namespace apps run in, with the restricted Pod Security Standard enforced. */
export const APPS_NAMESPACE = "apps";

export const clusterName = (cluster: string): string => interpolate(`aws_eks_cluster.${cluster}.name`);
export const nodeGroupAddress = (cluster: string, group: string): string => `aws_eks_node_group.${localName(cluster, group)}`;
export const appsNamespace = (cluster: string): string => `kubernetes_namespace_v1.${localName(cluster, "apps")}`;
