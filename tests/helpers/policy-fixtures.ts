/**
 * One fixture per security-policy rule: Terraform JSON (the `resource`/`data` sections of a document)
 * that violates that rule and no other, and the same fixture corrected. Resource names are unique
 * across fixtures so that all of them can be compiled together, each as its own raw.terraform block.
 */
export interface Spec {
  readonly resource?: Record<string, Record<string, unknown>>;
  readonly data?: Record<string, Record<string, unknown>>;
}

export interface RuleFixture {
  readonly rule: string;
  readonly violating: Spec;
  readonly compliant: Spec;
}

type Body = Record<string, unknown>;
const policy = (statement: Body) => JSON.stringify({ Version: "2012-10-17", Statement: [statement] });
/** A customer-managed key of the fixtures' account, for log groups that are encrypted. */
const logKey = "arn:aws:kms:eu-central-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

/** A CodeBuild project as noros writes one (named log group, no secrets); `change` is merged over it. */
function codebuild(change: Body = {}): Body {
  return {
    name: "fixture",
    service_role: "arn:aws:iam::123456789012:role/fixture-build",
    artifacts: { type: "NO_ARTIFACTS" },
    source: { type: "NO_SOURCE", buildspec: "version: \"0.2\"\nphases:\n  build:\n    commands:\n      - echo ok\n" },
    environment: { type: "LINUX_CONTAINER", compute_type: "BUILD_GENERAL1_SMALL", image: "aws/codebuild/amazonlinux-x86_64-standard:5.0", environment_variable: [{ name: "KEY_PREFIX", value: "uploads/", type: "PLAINTEXT" }] },
    logs_config: { cloudwatch_logs: { status: "ENABLED", group_name: "/fixture/codebuild" } },
    ...change,
  };
}

/** A bucket with every companion noros generates; `change` breaks one of them. */
function bucket(n: string, change: (parts: Record<string, Record<string, unknown>>) => void = () => {}): Required<Spec> {
  const id = `\${aws_s3_bucket.${n}.id}`;
  const arn = `\${aws_s3_bucket.${n}.arn}`;
  const resource: Record<string, Record<string, unknown>> = {
    aws_s3_bucket: { [n]: { bucket_prefix: `fixture-${n.replace(/_/g, "-")}-` } },
    aws_s3_bucket_public_access_block: { [n]: { bucket: id, block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true } },
    aws_s3_bucket_ownership_controls: { [n]: { bucket: id, rule: { object_ownership: "BucketOwnerEnforced" } } },
    aws_s3_bucket_server_side_encryption_configuration: { [n]: { bucket: id, rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms" }, bucket_key_enabled: true }] } },
    aws_s3_bucket_policy: { [n]: { bucket: id, policy: `\${data.aws_iam_policy_document.${n}.json}` } },
  };
  const data = {
    aws_iam_policy_document: {
      [n]: {
        statement: [{
          sid: "DenyInsecureTransport",
          effect: "Deny",
          actions: ["s3:*"],
          resources: [arn, `${arn}/*`],
          principals: [{ type: "*", identifiers: ["*"] }],
          condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
        }],
      },
    },
  };
  change(resource);
  return { resource, data };
}

const instance = (change: Body = {}): Body => ({
  ami: "ami-0123456789abcdef0",
  instance_type: "t3.micro",
  metadata_options: { http_endpoint: "enabled", http_tokens: "required", http_put_response_hop_limit: 1 },
  root_block_device: { encrypted: true },
  ...change,
});
const template = (change: Body = {}): Body => ({ metadata_options: { http_tokens: "required", http_put_response_hop_limit: 1 }, ...change });
const ingress = (change: Body): Body => ({ security_group_id: "sg-0123456789abcdef0", ip_protocol: "tcp", from_port: 443, to_port: 443, cidr_ipv4: "10.0.0.0/8", ...change });
/** A PostgreSQL instance with its own parameter group forcing TLS; `group` changes (or drops, null) the group, `drop` removes arguments. */
function database(n: string, change: Body = {}, group: Body | null = {}, drop: readonly string[] = []): Spec {
  const full: Body = { instance_class: "db.t4g.micro", engine: "postgres", allocated_storage: 20, storage_encrypted: true, manage_master_user_password: true, username: "admin", ...(group ? { parameter_group_name: `\${aws_db_parameter_group.${n}.name}` } : {}), ...change };
  const instance = Object.fromEntries(Object.entries(full).filter(([k]) => !drop.includes(k)));
  return {
    resource: {
      aws_db_instance: { [n]: instance },
      ...(group ? { aws_db_parameter_group: { [n]: { name_prefix: `fixture-${n.replace(/_/g, "-")}-`, family: "postgres17", parameter: [{ name: "rds.force_ssl", value: "1", apply_method: "pending-reboot" }], ...group } } } : {}),
    },
  };
}
const cache = (change: Body = {}): Body => ({ replication_group_id: "fixture", description: "fixture", engine: "redis", node_type: "cache.t4g.micro", at_rest_encryption_enabled: true, transit_encryption_enabled: true, auth_token: "${random_password.cache.result}", ...change });
const repository = (n: string, change: Body = {}, lifecycle = true): Spec => ({
  resource: {
    aws_ecr_repository: { [n]: { name: n, image_tag_mutability: "IMMUTABLE", image_scanning_configuration: { scan_on_push: true }, ...change } },
    ...(lifecycle ? { aws_ecr_lifecycle_policy: { [n]: { repository: `\${aws_ecr_repository.${n}.name}`, policy: "{\"rules\":[]}" } } } : {}),
  },
});
const listener = (change: Body): Body => ({ load_balancer_arn: "${aws_lb.alb_001.arn}", port: 443, default_action: [{ type: "forward", target_group_arn: "arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/x/0123456789abcdef" }], ...change });
const lambda = (change: Body = {}): Body => ({ function_name: "fixture", role: "arn:aws:iam::123456789012:role/fixture", runtime: "python3.12", handler: "index.handler", filename: "fixture.zip", ...change });
const container = (change: Body = {}) =>
  JSON.stringify([{
    name: "app",
    image: "example/app@sha256:0000000000000000000000000000000000000000000000000000000000000000",
    essential: true,
    environment: [{ name: "LOG_LEVEL", value: "info" }],
    logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/fixture/app", "awslogs-region": "eu-central-1", "awslogs-stream-prefix": "app" } },
    ...change,
  }]);
const eks = (change: Body = {}): Body => ({
  name: "fixture",
  role_arn: "arn:aws:iam::123456789012:role/eks",
  vpc_config: { subnet_ids: ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"], endpoint_private_access: true, endpoint_public_access: false },
  encryption_config: { resources: ["secrets"], provider: { key_arn: "arn:aws:kms:eu-central-1:123456789012:key/x" } },
  enabled_cluster_log_types: ["api", "audit"],
  ...change,
});
const nodeGroup = (change: Body = {}): Body => ({
  cluster_name: "fixture",
  node_role_arn: "arn:aws:iam::123456789012:role/node",
  subnet_ids: ["subnet-0123456789abcdef0"],
  scaling_config: { desired_size: 1, min_size: 1, max_size: 2 },
  ...change,
});
const alarm = (change: Body = {}): Body => ({
  alarm_name: "fixture",
  comparison_operator: "GreaterThanThreshold",
  evaluation_periods: 1,
  metric_name: "CPUUtilization",
  namespace: "AWS/EC2",
  period: 300,
  statistic: "Average",
  threshold: 90,
  actions_enabled: true,
  ...change,
});
const OIDC_ISSUER = "oidc.eks.eu-central-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF";
const OIDC = `arn:aws:iam::123456789012:oidc-provider/${OIDC_ISSUER}`;
const without = (body: Body, key: string): Body => Object.fromEntries(Object.entries(body).filter(([k]) => k !== key));
const document = (n: string, statement: Body): Spec => ({ data: { aws_iam_policy_document: { [n]: { statement: [statement] } } } });
const everyField = { description: "x", ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false };

export const ruleFixtures: readonly RuleFixture[] = [
  { rule: "NOROS-S3-001", violating: bucket("s3_001", (r) => ((r.aws_s3_bucket_public_access_block as Body).s3_001 = { bucket: "${aws_s3_bucket.s3_001.id}", block_public_acls: true, block_public_policy: false, ignore_public_acls: true, restrict_public_buckets: true })), compliant: bucket("s3_001") },
  { rule: "NOROS-S3-002", violating: bucket("s3_002", (r) => delete r.aws_s3_bucket_server_side_encryption_configuration), compliant: bucket("s3_002") },
  { rule: "NOROS-S3-003", violating: bucket("s3_003", (r) => delete r.aws_s3_bucket_policy), compliant: bucket("s3_003") },
  { rule: "NOROS-S3-004", violating: bucket("s3_004", (r) => ((r.aws_s3_bucket_ownership_controls as Body).s3_004 = { bucket: "${aws_s3_bucket.s3_004.id}", rule: { object_ownership: "ObjectWriter" } })), compliant: bucket("s3_004") },
  { rule: "NOROS-S3-005", violating: { resource: { ...bucket("s3_005").resource, aws_s3_bucket_acl: { s3_005: { bucket: "${aws_s3_bucket.s3_005.id}", acl: "public-read" } } }, data: bucket("s3_005").data }, compliant: { resource: { ...bucket("s3_005").resource, aws_s3_bucket_acl: { s3_005: { bucket: "${aws_s3_bucket.s3_005.id}", acl: "private" } } }, data: bucket("s3_005").data } },
  {
    rule: "NOROS-S3-006",
    violating: { resource: { aws_s3_bucket_policy: { s3_006: { bucket: "legacy-site", policy: policy({ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::legacy-site/*" }) } } } },
    compliant: { resource: { aws_s3_bucket_policy: { s3_006: { bucket: "legacy-site", policy: policy({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:role/reader" }, Action: "s3:GetObject", Resource: "arn:aws:s3:::legacy-site/*" }) } } } },
  },
  { rule: "NOROS-EC2-001", violating: { resource: { aws_instance: { ec2_001: instance({ metadata_options: { http_tokens: "optional", http_put_response_hop_limit: 1 } }) } } }, compliant: { resource: { aws_instance: { ec2_001: instance() } } } },
  { rule: "NOROS-EC2-002", violating: { resource: { aws_instance: { ec2_002: instance({ metadata_options: { http_tokens: "required", http_put_response_hop_limit: 2 } }) } } }, compliant: { resource: { aws_instance: { ec2_002: instance() } } } },
  { rule: "NOROS-EC2-003", violating: { resource: { aws_instance: { ec2_003: instance({ associate_public_ip_address: true }) } } }, compliant: { resource: { aws_instance: { ec2_003: instance({ associate_public_ip_address: false }) } } } },
  { rule: "NOROS-EC2-004", violating: { resource: { aws_instance: { ec2_004: instance({ root_block_device: { encrypted: false } }) } } }, compliant: { resource: { aws_instance: { ec2_004: instance() } } } },
  { rule: "NOROS-EC2-005", violating: { resource: { aws_instance: { ec2_005: instance({ key_name: "deployer" }) } } }, compliant: { resource: { aws_instance: { ec2_005: instance() } } } },
  { rule: "NOROS-EC2-006", violating: { resource: { aws_launch_template: { ec2_006: template({ metadata_options: { http_tokens: "optional", http_put_response_hop_limit: 1 } }) } } }, compliant: { resource: { aws_launch_template: { ec2_006: template() } } } },
  { rule: "NOROS-EC2-007", violating: { resource: { aws_launch_template: { ec2_007: template({ network_interfaces: [{ associate_public_ip_address: "true" }] }) } } }, compliant: { resource: { aws_launch_template: { ec2_007: template({ network_interfaces: [{ associate_public_ip_address: "false" }] }) } } } },
  { rule: "NOROS-EC2-008", violating: { resource: { aws_subnet: { ec2_008: { vpc_id: "vpc-0123456789abcdef0", cidr_block: "10.0.0.0/24", map_public_ip_on_launch: true } } } }, compliant: { resource: { aws_subnet: { ec2_008: { vpc_id: "vpc-0123456789abcdef0", cidr_block: "10.0.0.0/24", map_public_ip_on_launch: false } } } } },
  {
    rule: "NOROS-EC2-009",
    violating: { resource: { aws_default_security_group: { ec2_009: { vpc_id: "vpc-0123456789abcdef0", ingress: [{ ...everyField, protocol: "-1", from_port: 0, to_port: 0, cidr_blocks: ["10.0.0.0/8"] }] } } } },
    compliant: { resource: { aws_default_security_group: { ec2_009: { vpc_id: "vpc-0123456789abcdef0" } } } },
  },
  {
    rule: "NOROS-EC2-010",
    violating: { resource: { aws_instance: { ec2_010: instance({ user_data: "#!/bin/sh\ncat > /etc/app.env <<'EOF'\nLOG_LEVEL='info'\nDB_PASSWORD='hunter2'\nEOF\n" }) } } },
    compliant: { resource: { aws_instance: { ec2_010: instance({ user_data: "#!/bin/sh\ncat > /etc/app.env <<'EOF'\nLOG_LEVEL='info'\nDB_PASSWORD_ARN='${aws_secretsmanager_secret.db.arn}'\nEOF\n" }) } } },
  },
  { rule: "NOROS-EBS-001", violating: { resource: { aws_ebs_volume: { ebs_001: { availability_zone: "eu-central-1a", size: 10 } } } }, compliant: { resource: { aws_ebs_volume: { ebs_001: { availability_zone: "eu-central-1a", size: 10, encrypted: true } } } } },
  { rule: "NOROS-EBS-002", violating: { resource: { aws_ebs_encryption_by_default: { ebs_002: { enabled: false } } } }, compliant: { resource: { aws_ebs_encryption_by_default: { ebs_002: { enabled: true } } } } },
  {
    rule: "NOROS-EBS-003",
    violating: { resource: { aws_launch_template: { ebs_003: template({ block_device_mappings: [{ device_name: "/dev/xvda", ebs: { volume_size: 20 } }] }) } } },
    compliant: { resource: { aws_launch_template: { ebs_003: template({ block_device_mappings: [{ device_name: "/dev/xvda", ebs: { volume_size: 20, encrypted: "true" } }] }) } } },
  },
  { rule: "NOROS-SG-001", violating: { resource: { aws_vpc_security_group_ingress_rule: { sg_001: ingress({ from_port: 22, to_port: 22, cidr_ipv4: "0.0.0.0/0" }) } } }, compliant: { resource: { aws_vpc_security_group_ingress_rule: { sg_001: ingress({ cidr_ipv4: "0.0.0.0/0" }) } } } },
  {
    rule: "NOROS-SG-002",
    violating: { resource: { aws_security_group_rule: { sg_002: { type: "ingress", security_group_id: "sg-0123456789abcdef0", protocol: "tcp", from_port: 5432, to_port: 5432, cidr_blocks: ["0.0.0.0/0"] } } } },
    compliant: { resource: { aws_security_group_rule: { sg_002: { type: "ingress", security_group_id: "sg-0123456789abcdef0", protocol: "tcp", from_port: 5432, to_port: 5432, cidr_blocks: ["10.0.0.0/16"] } } } },
  },
  {
    rule: "NOROS-SG-003",
    violating: { resource: { aws_security_group: { sg_003: { vpc_id: "vpc-0123456789abcdef0", ingress: [{ ...everyField, protocol: "-1", from_port: 0, to_port: 0, cidr_blocks: ["0.0.0.0/0"] }] } } } },
    compliant: { resource: { aws_security_group: { sg_003: { vpc_id: "vpc-0123456789abcdef0", ingress: [{ ...everyField, protocol: "tcp", from_port: 443, to_port: 443, cidr_blocks: ["0.0.0.0/0"] }] } } } },
  },
  { rule: "NOROS-SG-004", violating: { resource: { aws_vpc_security_group_ingress_rule: { sg_004: ingress({ from_port: 22, to_port: 22 }) } } }, compliant: { resource: { aws_vpc_security_group_ingress_rule: { sg_004: ingress({}) } } } },
  { rule: "NOROS-IAM-001", violating: document("iam_001", { effect: "Allow", actions: ["*"], resources: ["*"] }), compliant: document("iam_001", { effect: "Allow", actions: ["ec2:DescribeInstances"], resources: ["*"] }) },
  {
    rule: "NOROS-IAM-002",
    violating: { resource: { aws_iam_role_policy_attachment: { iam_002: { role: "fixture", policy_arn: "arn:aws:iam::aws:policy/AdministratorAccess" } } } },
    compliant: { resource: { aws_iam_role_policy_attachment: { iam_002: { role: "fixture", policy_arn: "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore" } } } },
  },
  {
    rule: "NOROS-IAM-003",
    violating: { resource: { aws_iam_policy: { iam_003: { name: "fixture", policy: policy({ Effect: "Allow", Action: ["s3:*"], Resource: "arn:aws:s3:::fixture/*" }) } } } },
    compliant: { resource: { aws_iam_policy: { iam_003: { name: "fixture", policy: policy({ Effect: "Allow", Action: ["s3:GetObject"], Resource: "arn:aws:s3:::fixture/*" }) } } } },
  },
  {
    rule: "NOROS-IAM-004",
    violating: { resource: { aws_iam_user_policy: { iam_004: { user: "fixture", policy: policy({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::fixture/*" }) } } } },
    compliant: { resource: { aws_iam_group_policy: { iam_004: { group: "fixture", policy: policy({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::fixture/*" }) } } } },
  },
  { rule: "NOROS-IAM-005", violating: { resource: { aws_iam_access_key: { iam_005: { user: "fixture" } } } }, compliant: { resource: { aws_iam_user: { iam_005: { name: "fixture" } } } } },
  { rule: "NOROS-IAM-006", violating: { resource: { aws_iam_user_login_profile: { iam_006: { user: "fixture" } } } }, compliant: { resource: { aws_iam_user: { iam_006: { name: "fixture" } } } } },
  { rule: "NOROS-RDS-001", violating: database("rds_001", { storage_encrypted: false }), compliant: database("rds_001") },
  { rule: "NOROS-RDS-002", violating: database("rds_002", { publicly_accessible: true }), compliant: database("rds_002", { publicly_accessible: false }) },
  { rule: "NOROS-RDS-003", violating: database("rds_003", { password: "${random_password.db.result}" }, {}, ["manage_master_user_password"]), compliant: database("rds_003") },
  { rule: "NOROS-RDS-004", violating: database("rds_004", { auto_minor_version_upgrade: false }), compliant: database("rds_004", { auto_minor_version_upgrade: true }) },
  { rule: "NOROS-RDS-005", violating: database("rds_005", { backup_retention_period: 0 }), compliant: database("rds_005", { backup_retention_period: 7 }) },
  { rule: "NOROS-RDS-006", violating: database("rds_006", {}, null), compliant: database("rds_006") },
  { rule: "NOROS-ECACHE-001", violating: { resource: { aws_elasticache_replication_group: { ecache_001: cache({ at_rest_encryption_enabled: false }) } } }, compliant: { resource: { aws_elasticache_replication_group: { ecache_001: cache() } } } },
  { rule: "NOROS-ECACHE-002", violating: { resource: { aws_elasticache_replication_group: { ecache_002: without(cache(), "transit_encryption_enabled") } } }, compliant: { resource: { aws_elasticache_replication_group: { ecache_002: cache() } } } },
  { rule: "NOROS-ECACHE-003", violating: { resource: { aws_elasticache_replication_group: { ecache_003: without(cache(), "auth_token") } } }, compliant: { resource: { aws_elasticache_replication_group: { ecache_003: cache() } } } },
  {
    rule: "NOROS-LOG-001",
    violating: { resource: { aws_cloudwatch_log_group: { log_001: { name: "/fixture/forever", kms_key_id: logKey } } } },
    compliant: { resource: { aws_cloudwatch_log_group: { log_001: { name: "/fixture/forever", retention_in_days: 30, kms_key_id: logKey } } } },
  },
  {
    rule: "NOROS-LOG-002",
    violating: { resource: { aws_cloudwatch_log_group: { log_002: { name: "/fixture/plain", retention_in_days: 30 } } } },
    compliant: { resource: { aws_cloudwatch_log_group: { log_002: { name: "/fixture/plain", retention_in_days: 30, kms_key_id: logKey } } } },
  },
  { rule: "NOROS-SNS-001", violating: { resource: { aws_sns_topic: { sns_001: { name: "fixture" } } } }, compliant: { resource: { aws_sns_topic: { sns_001: { name: "fixture", kms_master_key_id: "alias/aws/sns" } } } } },
  {
    rule: "NOROS-SNS-002",
    violating: { resource: { aws_sns_topic_policy: { sns_002: { arn: "arn:aws:sns:eu-central-1:123456789012:fixture", policy: policy({ Effect: "Allow", Principal: { AWS: "*" }, Action: "sns:Publish", Resource: "arn:aws:sns:eu-central-1:123456789012:fixture" }) } } } },
    compliant: { resource: { aws_sns_topic_policy: { sns_002: { arn: "arn:aws:sns:eu-central-1:123456789012:fixture", policy: policy({ Effect: "Allow", Principal: { Service: "cloudwatch.amazonaws.com" }, Action: "sns:Publish", Resource: "arn:aws:sns:eu-central-1:123456789012:fixture" }) } } } },
  },
  { rule: "NOROS-ECR-001", violating: repository("ecr_001", { image_scanning_configuration: { scan_on_push: false } }), compliant: repository("ecr_001") },
  { rule: "NOROS-ECR-002", violating: repository("ecr_002", { image_tag_mutability: "MUTABLE" }), compliant: repository("ecr_002") },
  { rule: "NOROS-ECR-003", violating: repository("ecr_003", {}, false), compliant: repository("ecr_003") },
  { rule: "NOROS-ALB-001", violating: { resource: { aws_lb: { alb_001: { name: "fixture", load_balancer_type: "application" } } } }, compliant: { resource: { aws_lb: { alb_001: { name: "fixture", load_balancer_type: "application", drop_invalid_header_fields: true } } } } },
  {
    rule: "NOROS-ALB-002",
    violating: { resource: { aws_lb_listener: { alb_002: listener({ port: 80, protocol: "HTTP" }) } } },
    compliant: { resource: { aws_lb_listener: { alb_002: listener({ port: 80, protocol: "HTTP", default_action: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", status_code: "HTTP_301" } }] }) } } },
  },
  {
    rule: "NOROS-ALB-003",
    violating: { resource: { aws_lb_listener: { alb_003: listener({ protocol: "HTTPS", ssl_policy: "ELBSecurityPolicy-2016-08", certificate_arn: "arn:aws:acm:eu-central-1:123456789012:certificate/x" }) } } },
    compliant: { resource: { aws_lb_listener: { alb_003: listener({ protocol: "HTTPS", ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06", certificate_arn: "arn:aws:acm:eu-central-1:123456789012:certificate/x" }) } } },
  },
  { rule: "NOROS-LAMBDA-001", violating: { resource: { aws_lambda_function: { lambda_001: lambda({ runtime: "python3.8" }) } } }, compliant: { resource: { aws_lambda_function: { lambda_001: lambda() } } } },
  {
    rule: "NOROS-LAMBDA-002",
    violating: { resource: { aws_lambda_permission: { lambda_002: { action: "lambda:InvokeFunction", function_name: "fixture", principal: "s3.amazonaws.com" } } } },
    compliant: { resource: { aws_lambda_permission: { lambda_002: { action: "lambda:InvokeFunction", function_name: "fixture", principal: "s3.amazonaws.com", source_arn: "${aws_s3_bucket.s3_001.arn}" } } } },
  },
  { rule: "NOROS-LAMBDA-003", violating: { resource: { aws_lambda_function_url: { lambda_003: { function_name: "fixture", authorization_type: "NONE" } } } }, compliant: { resource: { aws_lambda_function_url: { lambda_003: { function_name: "fixture", authorization_type: "AWS_IAM" } } } } },
  { rule: "NOROS-LAMBDA-004", violating: { resource: { aws_lambda_function: { lambda_004: lambda({ environment: { variables: { API_TOKEN: "tok-123" } } }) } } }, compliant: { resource: { aws_lambda_function: { lambda_004: lambda({ environment: { variables: { API_TOKEN_ARN: "${aws_secretsmanager_secret.token.arn}" } } }) } } } },
  {
    rule: "NOROS-ECS-001",
    violating: { resource: { aws_ecs_task_definition: { ecs_001: { family: "fixture", container_definitions: container({ environment: [{ name: "DB_PASSWORD", value: "hunter2" }] }) } } } },
    compliant: { resource: { aws_ecs_task_definition: { ecs_001: { family: "fixture", container_definitions: container({ secrets: [{ name: "DB_PASSWORD", valueFrom: "arn:aws:secretsmanager:eu-central-1:123456789012:secret:db" }] }) } } } },
  },
  {
    rule: "NOROS-ECS-002",
    violating: { resource: { aws_ecs_service: { ecs_002: { name: "fixture", network_configuration: { subnets: ["subnet-0123456789abcdef0"], assign_public_ip: true } } } } },
    compliant: { resource: { aws_ecs_service: { ecs_002: { name: "fixture", network_configuration: { subnets: ["subnet-0123456789abcdef0"], assign_public_ip: false } } } } },
  },
  { rule: "NOROS-ECS-003", violating: { resource: { aws_ecs_task_definition: { ecs_003: { family: "fixture", container_definitions: container({ privileged: true }) } } } }, compliant: { resource: { aws_ecs_task_definition: { ecs_003: { family: "fixture", container_definitions: container() } } } } },
  {
    rule: "NOROS-ECS-005",
    violating: { resource: { aws_ecs_task_definition: { ecs_005: { family: "fixture", container_definitions: container({ logConfiguration: undefined }) } } } },
    compliant: { resource: { aws_ecs_task_definition: { ecs_005: { family: "fixture", container_definitions: container() } } } },
  },
  { rule: "NOROS-ECS-004", violating: { resource: { aws_ecs_cluster: { ecs_004: { name: "fixture" } } } }, compliant: { resource: { aws_ecs_cluster: { ecs_004: { name: "fixture", setting: [{ name: "containerInsights", value: "enabled" }] } } } } },
  { rule: "NOROS-EKS-001", violating: { resource: { aws_eks_cluster: { eks_001: eks({ vpc_config: { subnet_ids: ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"] } }) } } }, compliant: { resource: { aws_eks_cluster: { eks_001: eks() } } } },
  { rule: "NOROS-EKS-002", violating: { resource: { aws_eks_cluster: { eks_002: without(eks(), "encryption_config") } } }, compliant: { resource: { aws_eks_cluster: { eks_002: eks() } } } },
  { rule: "NOROS-EKS-003", violating: { resource: { aws_eks_cluster: { eks_003: eks({ enabled_cluster_log_types: ["api"] }) } } }, compliant: { resource: { aws_eks_cluster: { eks_003: eks() } } } },
  { rule: "NOROS-EKS-004", violating: { resource: { aws_eks_node_group: { eks_004: nodeGroup({ remote_access: { ec2_ssh_key: "deployer" } }) } } }, compliant: { resource: { aws_eks_node_group: { eks_004: nodeGroup() } } } },
  { rule: "NOROS-KMS-001", violating: { resource: { aws_kms_key: { kms_001: { description: "fixture" } } } }, compliant: { resource: { aws_kms_key: { kms_001: { description: "fixture", enable_key_rotation: true } } } } },
  {
    rule: "NOROS-KMS-002",
    violating: { resource: { aws_kms_key: { kms_002: { description: "fixture", enable_key_rotation: true, policy: policy({ Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*" }) } } } },
    compliant: { resource: { aws_kms_key: { kms_002: { description: "fixture", enable_key_rotation: true, policy: policy({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:Decrypt", Resource: "*" }) } } } },
  },
  {
    rule: "NOROS-ACM-001",
    violating: { resource: { aws_acm_certificate: { acm_001: { domain_name: "example.com", validation_method: "DNS", key_algorithm: "RSA_1024" } } } },
    compliant: { resource: { aws_acm_certificate: { acm_001: { domain_name: "example.com", validation_method: "DNS", key_algorithm: "EC_prime256v1" } } } },
  },
  {
    rule: "NOROS-ACM-002",
    violating: { resource: { aws_acm_certificate: { acm_002: { private_key: "${tls_private_key.site.private_key_pem}", certificate_body: "${tls_self_signed_cert.site.cert_pem}" } } } },
    compliant: { resource: { aws_acm_certificate: { acm_002: { domain_name: "example.com", validation_method: "DNS" } } } },
  },
  {
    rule: "NOROS-APIGW-001",
    violating: { resource: { aws_apigatewayv2_stage: { apigw_001: { api_id: "a1b2c3d4e5", name: "$default", auto_deploy: true } } } },
    compliant: { resource: { aws_apigatewayv2_stage: { apigw_001: { api_id: "a1b2c3d4e5", name: "$default", auto_deploy: true, access_log_settings: { destination_arn: "arn:aws:logs:eu-central-1:123456789012:log-group:/fixture/api", format: "$context.requestId $context.status" } } } } },
  },
  {
    rule: "NOROS-APIGW-002",
    violating: { resource: { aws_apigatewayv2_route: { apigw_002: { api_id: "a1b2c3d4e5", route_key: "POST /start", authorization_type: "NONE" } } } },
    compliant: { resource: { aws_apigatewayv2_route: { apigw_002: { api_id: "a1b2c3d4e5", route_key: "POST /start", authorization_type: "AWS_IAM" } } } },
  },
  { rule: "NOROS-CW-001", violating: { resource: { aws_cloudwatch_metric_alarm: { cw_001: alarm({ actions_enabled: false }) } } }, compliant: { resource: { aws_cloudwatch_metric_alarm: { cw_001: alarm() } } } },
  {
    rule: "NOROS-ASG-001",
    violating: { resource: { aws_autoscaling_group: { asg_001: { min_size: 0, max_size: 1, vpc_zone_identifier: ["subnet-0123456789abcdef0"], launch_configuration: "legacy" } } } },
    compliant: { resource: { aws_autoscaling_group: { asg_001: { min_size: 0, max_size: 1, vpc_zone_identifier: ["subnet-0123456789abcdef0"], launch_template: { id: "lt-0123456789abcdef0", version: "$Latest" } } } } },
  },
  {
    rule: "NOROS-IAM-007",
    violating: { resource: { aws_iam_role: { iam_007: { name: "fixture-irsa", assume_role_policy: policy({ Effect: "Allow", Principal: { Federated: OIDC }, Action: "sts:AssumeRoleWithWebIdentity" }) } } } },
    compliant: {
      resource: {
        aws_iam_role: { iam_007: { name: "fixture-irsa", assume_role_policy: policy({ Effect: "Allow", Principal: { Federated: OIDC }, Action: "sts:AssumeRoleWithWebIdentity", Condition: { StringEquals: { [`${OIDC_ISSUER}:sub`]: "system:serviceaccount:apps:shop", [`${OIDC_ISSUER}:aud`]: "sts.amazonaws.com" } } }) } },
      },
    },
  },
  {
    rule: "NOROS-SECRET-001",
    violating: { resource: { aws_secretsmanager_secret_version: { secret_001: { secret_id: "fixture", secret_string: "correct horse battery staple" } } } },
    compliant: { resource: { aws_secretsmanager_secret_version: { secret_001: { secret_id: "fixture", secret_string: "${random_password.fixture.result}" } } } },
  },
  {
    rule: "NOROS-CODEBUILD-001",
    violating: { resource: { aws_codebuild_project: { codebuild_001: codebuild({ logs_config: { cloudwatch_logs: { status: "ENABLED" } } }) } } },
    compliant: { resource: { aws_codebuild_project: { codebuild_001: codebuild() } } },
  },
  {
    rule: "NOROS-CODEBUILD-002",
    violating: { resource: { aws_codebuild_project: { codebuild_002: codebuild({ logs_config: { cloudwatch_logs: { status: "DISABLED" }, s3_logs: { status: "ENABLED", location: "fixture-build-logs/codebuild", encryption_disabled: true } } }) } } },
    compliant: { resource: { aws_codebuild_project: { codebuild_002: codebuild({ logs_config: { cloudwatch_logs: { status: "DISABLED" }, s3_logs: { status: "ENABLED", location: "fixture-build-logs/codebuild" } } }) } } },
  },
  {
    rule: "NOROS-CODEBUILD-003",
    violating: { resource: { aws_codebuild_project: { codebuild_003: codebuild({ environment: { type: "LINUX_CONTAINER", compute_type: "BUILD_GENERAL1_SMALL", image: "aws/codebuild/amazonlinux-x86_64-standard:5.0", environment_variable: [{ name: "REGISTRY_PASSWORD", value: "hunter2" }] } }) } } },
    compliant: { resource: { aws_codebuild_project: { codebuild_003: codebuild({ environment: { type: "LINUX_CONTAINER", compute_type: "BUILD_GENERAL1_SMALL", image: "aws/codebuild/amazonlinux-x86_64-standard:5.0", environment_variable: [{ name: "REGISTRY_PASSWORD", value: "/fixture/registry-password", type: "PARAMETER_STORE" }] } }) } } },
  },
];
