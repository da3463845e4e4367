/**
 * A container service in the cloud: always its ECR repository (out/docker/push.sh pushes there, by
 * the output `<service>_repository_url`); with `run: { on: "ecs", network }` also an ECS Fargate
 * service in the network's private subnets, with its own execution role limited to pulling its
 * repository and writing its log group.
 */
import type { Graph, GraphNode } from "../../../compiler/graph.js";
import type { TerraformDocument } from "../document.js";
import { interpolate, literal, refString, valueString } from "../expression.js";
import { secretStore } from "../../../compiler/util/secret-uses.js";
import { localName, nameTag, NAME_PREFIX, physicalName } from "../naming.js";
import { policyDocument, type Statement } from "../policy-document.js";
import { healthProbe } from "../../../compiler/util/health-probe.js";
import { registrationsOf } from "./load-balancer.js";
import { subnetId } from "./network.js";
import { logsKeyArn } from "./logs-key.js";

/** Images an ECR lifecycle rule keeps: enough to roll back, few enough that storage stays cheap. */
const KEPT_IMAGES = 20;
const LOG_RETENTION_DAYS = 30;
export const CLUSTER = "noros";

/** A private ECR repository: immutable tags, scanned on push, encrypted, keeping the `kept` newest images. */
export function repository(n: string, tf: TerraformDocument, kept = KEPT_IMAGES): void {
  tf.resource(
    "aws_ecr_repository",
    n,
    {
      name: physicalName(n),
      // Tags are content hashes (push.sh): an immutable tag always names the same image.
      image_tag_mutability: "IMMUTABLE",
      image_scanning_configuration: { scan_on_push: true },
      encryption_configuration: { encryption_type: "AES256" },
      tags: nameTag(n),
    },
    n,
  );
  const rules = { rules: [{ rulePriority: 1, description: `keep the ${kept} newest images`, selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: kept }, action: { type: "expire" } }] };
  tf.resource("aws_ecr_lifecycle_policy", n, { repository: interpolate(`aws_ecr_repository.${n}.name`), policy: literal(JSON.stringify(rules)) }, n);
}

/** The ECS task's container, as the JSON string Terraform's container_definitions takes. */
function containerDefinitions(node: GraphNode<"service">, region: string): string {
  const n = node.name;
  const { props } = node;
  const environment = Object.entries({ ...props.environment })
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, value]) => ({ name, value: valueString(value) }));
  // The same probe as the image's HEALTHCHECK; `${PORT}` in a shell probe is the container's, not Terraform's.
  const probe = (healthProbe(props.runtime, props.healthCheck) ?? []).map(literal);
  const secrets = Object.entries(props.secrets)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, ref]) => ({ name, valueFrom: refString({ $noros: "ref", kind: ref.kind, name: ref.name, attribute: "arn" }) }));
  const container = {
    name: n,
    image: `${interpolate(`aws_ecr_repository.${n}.repository_url`)}:${interpolate(`var.${localName(n, "image_tag")}`)}`,
    essential: true,
    readonlyRootFilesystem: false,
    portMappings: [{ containerPort: props.port, protocol: "tcp" }],
    environment: [...environment, { name: "PORT", value: String(props.port) }, { name: "HOST", value: "0.0.0.0" }],
    // ECS fetches each secret by ARN (with the execution role) when the task starts: the value is in
    // no image, no task definition and no Terraform state of the service.
    ...(secrets.length > 0 ? { secrets } : {}),
    healthCheck: {
      command: ["CMD", ...probe],
      interval: props.healthCheck.intervalS,
      timeout: props.healthCheck.timeoutS,
      retries: props.healthCheck.retries,
      startPeriod: props.healthCheck.startPeriodS,
    },
    logConfiguration: {
      logDriver: "awslogs",
      options: { "awslogs-group": interpolate(`aws_cloudwatch_log_group.${localName(n, "service")}.name`), "awslogs-region": region, "awslogs-stream-prefix": n },
    },
  };
  // Interpolations and doubled `${` survive JSON.stringify untouched; Terraform fills them in.
  return JSON.stringify([container]);
}

/**
 * What the execution role needs to hand the task its secrets: read exactly those secrets (by ARN),
 * and decrypt with the keys that encrypt them. Nothing else in Secrets Manager, SSM or KMS.
 */
function secretStatements(node: GraphNode<"service">, secrets: ReadonlyMap<string, GraphNode<"secret">>): Statement[] {
  const used = [...new Set(Object.values(node.props.secrets).map((ref) => ref.name))].sort().map((name) => secrets.get(name) as GraphNode<"secret">);
  const arn = (s: GraphNode<"secret">) => interpolate(`local.${s.name}_secret_arn`);
  const inStore = (store: "secretsmanager" | "ssm") => used.filter((s) => secretStore(s) === store).map(arn);
  const keys = [...new Set(used.flatMap((s) => (s.props.kmsKey ? [s.props.kmsKey.name] : [])))].sort();
  const statements: Statement[] = [];
  if (inStore("secretsmanager").length > 0) statements.push({ sid: "ReadOwnSecrets", actions: ["secretsmanager:GetSecretValue"], resources: inStore("secretsmanager") });
  if (inStore("ssm").length > 0) statements.push({ sid: "ReadOwnParameters", actions: ["ssm:GetParameters"], resources: inStore("ssm") });
  if (keys.length > 0) statements.push({ sid: "DecryptOwnSecrets", actions: ["kms:Decrypt"], resources: keys.map((k) => interpolate(`aws_kms_key.${k}.arn`)) });
  return statements;
}

function ecsService(
  node: GraphNode<"service">,
  tf: TerraformDocument,
  network: GraphNode<"network">,
  region: string,
  graph: Graph,
  secrets: ReadonlyMap<string, GraphNode<"secret">>,
): void {
  const n = node.name;
  const run = node.props.run as Extract<NonNullable<GraphNode<"service">["props"]["run"]>, { on: "ecs" }>;
  if (!tf.has(`aws_ecs_cluster.${CLUSTER}`)) {
    tf.resource("aws_ecs_cluster", CLUSTER, { name: NAME_PREFIX, setting: [{ name: "containerInsights", value: "enabled" }] }, "system");
  }
  tf.variable(localName(n, "image_tag"), {
    type: "string",
    description: `The image tag of service ${n} to run: the tag out/docker/push.sh printed when it pushed the image.`,
  });
  tf.resource("aws_cloudwatch_log_group", localName(n, "service"), { name: `/noros/${NAME_PREFIX}/service/${n}`, retention_in_days: LOG_RETENTION_DAYS, kms_key_id: logsKeyArn(tf, region) }, n);

  const assume = tf.data(
    "aws_iam_policy_document",
    localName(n, "ecs_assume"),
    policyDocument([{ sid: "EcsTasksAssumeRole", actions: ["sts:AssumeRole"], principals: [{ type: "Service", identifiers: ["ecs-tasks.amazonaws.com"] }] }]),
    n,
  );
  for (const role of ["execution", "task"]) {
    tf.resource("aws_iam_role", localName(n, role), { name: physicalName(n, role), assume_role_policy: interpolate(`${assume}.json`), tags: nameTag(n, role) }, n);
  }
  const pull = tf.data(
    "aws_iam_policy_document",
    localName(n, "execution"),
    policyDocument([
      // GetAuthorizationToken has no resource to scope to (AWS documents it with "*").
      { sid: "EcrLogin", actions: ["ecr:GetAuthorizationToken"], resources: ["*"] },
      { sid: "PullOwnImages", actions: ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], resources: [interpolate(`aws_ecr_repository.${n}.arn`)] },
      { sid: "WriteOwnLogs", actions: ["logs:CreateLogStream", "logs:PutLogEvents"], resources: [`${interpolate(`aws_cloudwatch_log_group.${localName(n, "service")}.arn`)}:*`] },
      ...secretStatements(node, secrets),
    ]),
    n,
  );
  tf.resource("aws_iam_role_policy", localName(n, "execution"), { name: physicalName(n, "execution"), role: interpolate(`aws_iam_role.${localName(n, "execution")}.id`), policy: interpolate(`${pull}.json`) }, n);

  tf.resource(
    "aws_ecs_task_definition",
    n,
    {
      family: physicalName(n),
      requires_compatibilities: ["FARGATE"],
      network_mode: "awsvpc",
      cpu: String(node.props.cpu * 1024),
      memory: String(node.props.memoryMb),
      execution_role_arn: interpolate(`aws_iam_role.${localName(n, "execution")}.arn`),
      task_role_arn: interpolate(`aws_iam_role.${localName(n, "task")}.arn`),
      container_definitions: containerDefinitions(node, region),
      runtime_platform: { operating_system_family: "LINUX", cpu_architecture: "X86_64" },
      tags: nameTag(n),
    },
    n,
  );

  tf.resource("aws_security_group", localName(n, "service"), { name: physicalName(n, "service"), description: `noros service ${n}`, vpc_id: interpolate(`aws_vpc.${network.name}.id`), tags: nameTag(n, "service") }, n);
  // Who may reach the port is a flow (security-groups.ts lowerFlows): the VPC, declared senders or its load balancer.
  tf.resource(
    "aws_vpc_security_group_egress_rule",
    localName(n, "service_https"),
    { security_group_id: interpolate(`aws_security_group.${localName(n, "service")}.id`), description: "HTTPS: ECR, CloudWatch Logs and the AWS APIs", ip_protocol: "tcp", from_port: 443, to_port: 443, cidr_ipv4: "0.0.0.0/0" },
    n,
  );

  const privateSubnets = network.props.privateSubnets.map((_cidr, index) => subnetId(network, "private", index));
  // Behind a load balancer the tasks register themselves with its target groups; ECS refuses a
  // target group no listener uses yet, hence the dependency on the listeners.
  const registrations = registrationsOf(graph, n);
  const behindLoadBalancer =
    registrations.length === 0
      ? {}
      : {
          load_balancer: registrations.map((r) => ({ target_group_arn: interpolate(`${r.targetGroup}.arn`), container_name: n, container_port: r.port })),
          // The load balancer's first probes must not kill tasks that are still starting.
          health_check_grace_period_seconds: Math.max(60, node.props.healthCheck.startPeriodS * 2),
          depends_on: registrations.map((r) => r.listener),
        };
  tf.resource(
    "aws_ecs_service",
    n,
    {
      name: physicalName(n),
      cluster: interpolate(`aws_ecs_cluster.${CLUSTER}.id`),
      task_definition: interpolate(`aws_ecs_task_definition.${n}.arn`),
      desired_count: run.desiredCount,
      launch_type: "FARGATE",
      propagate_tags: "SERVICE",
      enable_execute_command: false,
      deployment_circuit_breaker: { enable: true, rollback: true },
      network_configuration: { subnets: privateSubnets, security_groups: [interpolate(`aws_security_group.${localName(n, "service")}.id`)], assign_public_ip: false },
      ...behindLoadBalancer,
      tags: nameTag(n),
    },
    n,
  );
}

export function lowerService(
  node: GraphNode<"service">,
  tf: TerraformDocument,
  networks: ReadonlyMap<string, GraphNode<"network">>,
  region: string,
  graph: Graph,
  secrets: ReadonlyMap<string, GraphNode<"secret">> = new Map(),
): void {
  repository(node.name, tf);
  const run = node.props.run;
  if (run?.on === "ecs") ecsService(node, tf, networks.get(run.network.name) as GraphNode<"network">, region, graph, secrets);
}
