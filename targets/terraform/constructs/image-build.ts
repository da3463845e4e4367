/**
 * S2.4: an environment build pipeline. Uploads to the source bucket reach EventBridge (the bucket's
 * notification has `eventbridge = true`, written by lowerObjectTriggers); a rule matching "Object
 * Created" events for buildable keys under the prefix starts the CodeBuild project, passing the key as
 * an environment variable override; the project builds or loads the upload and pushes it to its own
 * ECR repository. Two roles, each allowed one thing: the rule's may start that one project, the
 * project's holds only the grants the graph derives for the build (imageBuildGrants: its uploads, its
 * repository, its log group, and in a network its network interfaces).
 */
import type { GraphNode } from "../../../compiler/graph.js";
import { buildComputeTypes } from "../../../dsl/schemas/image-build.js";
import type { TerraformDocument } from "../document.js";
import { interpolate, literal } from "../expression.js";
import { localName, nameTag, NAME_PREFIX, physicalName } from "../naming.js";
import { policyDocument } from "../policy-document.js";
import { buildspec } from "./image-build-spec.js";
import { subnetId } from "./network.js";
import { repository } from "./service.js";
import { logsKeyArn } from "./logs-key.js";

/** CodeBuild's Amazon Linux 2023 x86_64 image (Docker, the AWS CLI, bash); the clients are x86_64 too. */
export const BUILD_IMAGE = "aws/codebuild/amazonlinux-x86_64-standard:5.0";

/** The suffixes of the keys a build accepts (also what its script recognises). */
export const buildableFiles = ["*/Dockerfile", "*.tar", "*.tar.gz", "*.tgz"] as const;

export const imageBuildLogGroupName = (n: string) => `/noros/${NAME_PREFIX}/image-build/${n}`;

function accountId(tf: TerraformDocument): string {
  tf.data("aws_caller_identity", "current", {}, "system");
  return interpolate("data.aws_caller_identity.current.account_id");
}

/** The EventBridge pattern: object-created events of that bucket for buildable keys under the prefix. */
export function eventPattern(node: GraphNode<"image-build">): Record<string, unknown> {
  return {
    source: ["aws.s3"],
    "detail-type": ["Object Created"],
    detail: {
      bucket: { name: [interpolate(`aws_s3_bucket.${node.props.source.name}.bucket`)] },
      // The prefix has no "*" (the schema refuses it), so it needs no escaping in a wildcard.
      object: { key: buildableFiles.map((file) => ({ wildcard: `${node.props.prefix}${file}` })) },
    },
  };
}

export function lowerImageBuild(node: GraphNode<"image-build">, tf: TerraformDocument, networks: ReadonlyMap<string, GraphNode<"network">>, region: string): void {
  const n = node.name;
  const { props } = node;
  const account = accountId(tf);
  repository(n, tf, props.keptImages);

  const logGroup = localName(n, "build");
  tf.resource("aws_cloudwatch_log_group", logGroup, { name: imageBuildLogGroupName(n), retention_in_days: props.logRetentionDays, kms_key_id: logsKeyArn(tf, region), tags: nameTag(n) }, n);

  // The project's role: only CodeBuild, and only on behalf of this account, may assume it.
  const assume = tf.data(
    "aws_iam_policy_document",
    localName(n, "codebuild_assume"),
    policyDocument([
      {
        sid: "CodeBuildAssumeRole",
        actions: ["sts:AssumeRole"],
        principals: [{ type: "Service", identifiers: ["codebuild.amazonaws.com"] }],
        conditions: [{ test: "StringEquals", variable: "aws:SourceAccount", values: [account] }],
      },
    ]),
    n,
  );
  tf.resource("aws_iam_role", n, { name: physicalName(n), assume_role_policy: interpolate(`${assume}.json`), tags: nameTag(n) }, n);

  const network = props.network ? networks.get(props.network.name) : undefined;
  if (props.network && !network) throw new Error(`internal: network ${props.network.name} of image build ${n} is not in the graph`);
  const securityGroup = localName(n, "build");
  if (network) {
    tf.resource("aws_security_group", securityGroup, { name: physicalName(n, "build"), description: `noros image build ${n}`, vpc_id: interpolate(`aws_vpc.${network.name}.id`), tags: nameTag(n, "build") }, n);
    // Nothing comes in. Out: HTTPS (ECR, S3, CloudWatch Logs, registries) and HTTP, which package
    // mirrors a Dockerfile installs from often use (their packages are signed).
    for (const [port, description] of [
      [443, "HTTPS: ECR, S3, CloudWatch Logs, image registries"],
      [80, "HTTP: package mirrors used by Dockerfiles (signed packages)"],
    ] as const) {
      tf.resource(
        "aws_vpc_security_group_egress_rule",
        localName(n, "build", port === 443 ? "https" : "http"),
        { security_group_id: interpolate(`aws_security_group.${securityGroup}.id`), description, ip_protocol: "tcp", from_port: port, to_port: port, cidr_ipv4: "0.0.0.0/0" },
        n,
      );
    }
  }

  const variable = (name: string, value: string) => ({ name, value, type: "PLAINTEXT" });
  tf.resource(
    "aws_codebuild_project",
    n,
    {
      name: physicalName(n),
      description: `noros: builds the images uploaded to bucket ${props.source.name} under ${props.prefix}`,
      service_role: interpolate(`aws_iam_role.${n}.arn`),
      build_timeout: props.timeoutMinutes,
      queued_timeout: 480,
      // Artifacts and logs CodeBuild stores itself are encrypted with the account's S3 key (aws/s3);
      // the build writes nothing but its image and its log.
      artifacts: { type: "NO_ARTIFACTS" },
      source: { type: "NO_SOURCE", buildspec: literal(buildspec()) },
      environment: {
        type: "LINUX_CONTAINER",
        compute_type: buildComputeTypes[props.computeType],
        image: BUILD_IMAGE,
        image_pull_credentials_type: "CODEBUILD",
        // docker build and docker load need the Docker daemon, which only privileged mode runs.
        privileged_mode: true,
        environment_variable: [
          variable("KEY_PREFIX", literal(props.prefix)),
          variable("REPOSITORY_NAME", interpolate(`aws_ecr_repository.${n}.name`)),
          variable("REPOSITORY_URI", interpolate(`aws_ecr_repository.${n}.repository_url`)),
          variable("SOURCE_BUCKET", interpolate(`aws_s3_bucket.${props.source.name}.bucket`)),
          // Overridden by every build the rule starts.
          variable("SOURCE_KEY", "none"),
        ],
      },
      logs_config: {
        cloudwatch_logs: { status: "ENABLED", group_name: interpolate(`aws_cloudwatch_log_group.${logGroup}.name`), stream_name: n },
        s3_logs: { status: "DISABLED" },
      },
      ...(network
        ? {
            vpc_config: {
              vpc_id: interpolate(`aws_vpc.${network.name}.id`),
              subnets: network.props.privateSubnets.map((_cidr, index) => subnetId(network, "private", index)),
              security_group_ids: [interpolate(`aws_security_group.${securityGroup}.id`)],
            },
          }
        : {}),
      tags: nameTag(n),
      // The role's policy must be in place before CodeBuild checks it (and before the first build logs).
      depends_on: [`aws_iam_role_policy.${localName(n, "grants")}`],
    },
    n,
  );

  // The rule: uploads of buildable files under the prefix of that bucket, and nothing else.
  const rule = localName(n, "uploads");
  tf.resource(
    "aws_cloudwatch_event_rule",
    rule,
    {
      name_prefix: `${NAME_PREFIX}-`,
      description: `noros: builds images uploaded to bucket ${props.source.name} under ${props.prefix}`,
      // The prefix keeps to safe characters (the schema), so the only `${` is the bucket name's interpolation.
      event_pattern: JSON.stringify(eventPattern(node)),
      state: "ENABLED",
      tags: nameTag(n, "uploads"),
    },
    n,
  );
  const eventsAssume = tf.data(
    "aws_iam_policy_document",
    localName(n, "events_assume"),
    policyDocument([
      {
        sid: "EventBridgeAssumeRole",
        actions: ["sts:AssumeRole"],
        principals: [{ type: "Service", identifiers: ["events.amazonaws.com"] }],
        // Only this rule, of this account, may take the role.
        conditions: [
          { test: "StringEquals", variable: "aws:SourceAccount", values: [account] },
          { test: "ArnEquals", variable: "aws:SourceArn", values: [interpolate(`aws_cloudwatch_event_rule.${rule}.arn`)] },
        ],
      },
    ]),
    n,
  );
  const eventsRole = localName(n, "events");
  tf.resource("aws_iam_role", eventsRole, { name: physicalName(n, "events"), assume_role_policy: interpolate(`${eventsAssume}.json`), tags: nameTag(n, "events") }, n);
  const startBuild = tf.data(
    "aws_iam_policy_document",
    localName(n, "start_build"),
    policyDocument([{ sid: "StartOwnBuild", actions: ["codebuild:StartBuild"], resources: [interpolate(`aws_codebuild_project.${n}.arn`)] }]),
    n,
  );
  tf.resource("aws_iam_role_policy", localName(n, "start_build"), { name: physicalName(n, "start-build"), role: interpolate(`aws_iam_role.${eventsRole}.id`), policy: interpolate(`${startBuild}.json`) }, n);
  tf.resource(
    "aws_cloudwatch_event_target",
    rule,
    {
      rule: interpolate(`aws_cloudwatch_event_rule.${rule}.name`),
      arn: interpolate(`aws_codebuild_project.${n}.arn`),
      role_arn: interpolate(`aws_iam_role.${eventsRole}.arn`),
      // EventBridge fills the quoted placeholder with the key, escaped for JSON.
      input_transformer: {
        input_paths: { key: "$.detail.object.key" },
        input_template: JSON.stringify({ environmentVariablesOverride: [{ name: "SOURCE_KEY", value: "<key>", type: "PLAINTEXT" }] }),
      },
      retry_policy: { maximum_retry_attempts: 3, maximum_event_age_in_seconds: 3600 },
    },
    n,
  );
}
