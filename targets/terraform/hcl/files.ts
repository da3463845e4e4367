/**
 * Which `.tf` file a resource or data source type goes to: one file per concern, decided by the longest
 * matching type prefix, so that `aws_cloudwatch_event_rule` (a function trigger) is not filed with
 * `aws_cloudwatch_metric_alarm` (operations). Types no prefix matches go to main.tf.
 */
export const concernByPrefix: Readonly<Record<string, string>> = {
  // Network and edge
  aws_vpc: "network",
  aws_subnet: "network",
  aws_internet_gateway: "network",
  aws_egress_only_internet_gateway: "network",
  aws_nat_gateway: "network",
  aws_eip: "network",
  aws_route: "network",
  aws_main_route_table_association: "network",
  aws_network_: "network",
  aws_default_: "network",
  aws_security_group: "network",
  aws_availability_zones: "network",
  aws_prefix_list: "network",
  aws_ec2_managed_prefix_list: "network",
  aws_lb: "network",
  aws_alb: "network",
  aws_route53: "network",
  aws_acm_: "network",
  aws_cloudfront_: "network",
  aws_wafv2_: "network",
  // Compute
  aws_instance: "compute",
  aws_launch_template: "compute",
  aws_autoscaling_: "compute",
  aws_ami: "compute",
  aws_ebs_: "compute",
  aws_volume_attachment: "compute",
  aws_dlm_: "compute",
  aws_key_pair: "compute",
  aws_placement_group: "compute",
  aws_ec2_: "compute",
  // Data
  aws_db_: "data",
  aws_rds_: "data",
  aws_elasticache_: "data",
  aws_secretsmanager_: "data",
  aws_kms_: "data",
  aws_dynamodb_: "data",
  postgresql_: "data",
  random_: "data",
  // Identity and access
  aws_iam_: "iam",
  aws_caller_identity: "iam",
  aws_partition: "iam",
  // Storage
  aws_s3_: "storage",
  aws_s3control_: "storage",
  aws_efs_: "storage",
  // Containers
  aws_ecr_: "containers",
  aws_codebuild_: "containers",
  aws_ecs_: "containers",
  aws_eks_: "containers",
  kubernetes_: "containers",
  helm_: "containers",
  // Functions and their triggers
  aws_lambda_: "functions",
  aws_apigatewayv2_: "functions",
  aws_cloudwatch_event_: "functions",
  aws_scheduler_: "functions",
  aws_sfn_: "functions",
  archive_: "functions",
  // Operations: logs, metrics, alarms, notifications, Systems Manager
  aws_cloudwatch_: "operations",
  aws_sns_: "operations",
  aws_sqs_: "operations",
  aws_ssm_: "operations",
  aws_cloudtrail: "operations",
};

export const DEFAULT_CONCERN = "main";

export function concernOf(type: string): string {
  let best = "";
  for (const prefix of Object.keys(concernByPrefix)) {
    if (type.startsWith(prefix) && prefix.length > best.length) best = prefix;
  }
  return best === "" ? DEFAULT_CONCERN : (concernByPrefix[best] as string);
}
