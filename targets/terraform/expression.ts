import type { RefValue, TextValue } from "../../compiler/graph.js";

/** Terraform addresses for each construct attribute: what a typed reference lowers to. */
const attributeExpressions: Record<string, Record<string, (name: string) => string>> = {
  network: { vpcId: (n) => `aws_vpc.${n}.id`, cidrBlock: (n) => `aws_vpc.${n}.cidr_block` },
  bucket: { arn: (n) => `aws_s3_bucket.${n}.arn`, bucketName: (n) => `aws_s3_bucket.${n}.bucket` },
  user: { arn: (n) => `aws_iam_user.${n}.arn` },
  group: { arn: (n) => `aws_iam_group.${n}.arn` },
  host: { instanceId: (n) => `aws_instance.${n}.id`, privateIp: (n) => `aws_instance.${n}.private_ip`, roleArn: (n) => `aws_iam_role.${n}.arn`, arn: (n) => `aws_instance.${n}.arn` },
  "host-group": { groupName: (n) => `aws_autoscaling_group.${n}.name`, roleArn: (n) => `aws_iam_role.${n}.arn` },
  volume: { volumeId: (n) => `aws_ebs_volume.${n}.id`, arn: (n) => `aws_ebs_volume.${n}.arn` },
  snapshots: { roleArn: (n) => `aws_iam_role.${n}.arn` },
  alarm: { arn: (n) => `aws_cloudwatch_metric_alarm.${n}.arn` },
  parameter: { arn: (n) => `aws_ssm_parameter.${n}.arn`, parameterName: (n) => `aws_ssm_parameter.${n}.name` },
  topic: { arn: (n) => `aws_sns_topic.${n}.arn` },
  "log-group": { arn: (n) => `aws_cloudwatch_log_group.${n}.arn`, logGroupName: (n) => `aws_cloudwatch_log_group.${n}.name` },
  service: { repositoryUrl: (n) => `aws_ecr_repository.${n}.repository_url` },
  "load-balancer": { dnsName: (n) => `aws_lb.${n}.dns_name`, arn: (n) => `aws_lb.${n}.arn`, zoneId: (n) => `aws_lb.${n}.zone_id` },
  // Only once validated may a certificate be used, so its ARN is the validation's.
  certificate: { arn: (n) => `aws_acm_certificate_validation.${n}.certificate_arn` },
  // A zone may be created or looked up; the local hides which.
  "dns-zone": { zoneId: (n) => `local.${n}_zone_id` },
  "dns-record": { fqdn: (n) => `aws_route53_record.${n}.fqdn` },
  "health-check": { id: (n) => `aws_route53_health_check.${n}.id` },
  failover: { fqdn: (n) => `aws_route53_record.${n}_primary.fqdn` },
  "kms-key": { arn: (n) => `aws_kms_key.${n}.arn`, aliasName: (n) => `aws_kms_alias.${n}.name` },
  // A secret's ARN depends on where it is kept (constructs/secret.ts sets the local). Its `value` has
  // no expression on purpose: it is lowered only where a secret is expected, by ARN.
  secret: { arn: (n) => `local.${n}_secret_arn` },
  database: { endpoint: (n) => `aws_db_instance.${n}.address`, port: (n) => `aws_db_instance.${n}.port`, databaseName: (n) => `postgresql_database.${n}.name`, arn: (n) => `aws_db_instance.${n}.arn` },
  cache: { endpoint: (n) => `local.${n}_cache_endpoint`, port: (n) => `local.${n}_cache_port` },
  function: {
    arn: (n) => `aws_lambda_function.${n}.arn`,
    functionName: (n) => `aws_lambda_function.${n}.function_name`,
    roleArn: (n) => `aws_iam_role.${n}.arn`,
    logGroupArn: (n) => `aws_cloudwatch_log_group.${n}_function.arn`,
  },
  "image-build": {
    repositoryUrl: (n) => `aws_ecr_repository.${n}.repository_url`,
    repositoryArn: (n) => `aws_ecr_repository.${n}.arn`,
    projectName: (n) => `aws_codebuild_project.${n}.name`,
    roleArn: (n) => `aws_iam_role.${n}.arn`,
    logGroupArn: (n) => `aws_cloudwatch_log_group.${n}_build.arn`,
  },
  "http-api": { url: (n) => `aws_apigatewayv2_stage.${n}.invoke_url` },
  cluster: {
    arn: (n) => `aws_eks_cluster.${n}.arn`,
    endpoint: (n) => `aws_eks_cluster.${n}.endpoint`,
    oidcIssuer: (n) => `aws_eks_cluster.${n}.identity[0].oidc[0].issuer`,
    ingressHostname: (n) => `data.kubernetes_service_v1.${n}_ingress.status[0].load_balancer[0].ingress[0].hostname`,
  },
};

/** The bare Terraform expression a reference stands for, e.g. `aws_s3_bucket.uploads.arn`. */
export function refExpression(ref: RefValue): string {
  const lower = attributeExpressions[ref.kind]?.[ref.attribute];
  if (!lower) throw new Error(`internal: no Terraform expression for ${ref.kind}.${ref.attribute}`);
  return lower(ref.name);
}

/** A literal string as a Terraform JSON string: `${` and `%{` would start a template, so they are doubled. */
export function literal(value: string): string {
  // A replacement function, because in a replacement string "$$" itself means "$".
  return value.replace(/[$%]\{/g, (match) => `${match[0]}${match}`);
}

/** `${expression}` */
export function interpolate(expression: string): string {
  return `\${${expression}}`;
}

export function refString(ref: RefValue): string {
  return interpolate(refExpression(ref));
}

/** A string, a reference or text as one Terraform JSON string. */
export function valueString(value: string | RefValue | TextValue): string {
  if (typeof value === "string") return literal(value);
  if (value.$noros === "ref") return refString(value);
  return value.parts.map((part) => (typeof part === "string" ? literal(part) : refString(part))).join("");
}
