import { guidance, securityHub, type Finding, type Rule } from "../rule.js";
import { bool, first, nested, plainSecret, type Body } from "../view.js";


/** Runtimes Lambda has deprecated (no security patches); from the Lambda runtime deprecation schedule. */
const DEPRECATED_RUNTIMES = new Set([
  "nodejs", "nodejs4.3", "nodejs4.3-edge", "nodejs6.10", "nodejs8.10", "nodejs10.x", "nodejs12.x", "nodejs14.x", "nodejs16.x", "nodejs18.x",
  "python2.7", "python3.6", "python3.7", "python3.8", "python3.9",
  "ruby2.5", "ruby2.7", "ruby3.2",
  "java8", "dotnetcore1.0", "dotnetcore2.0", "dotnetcore2.1", "dotnetcore3.1", "dotnet5.0", "dotnet6", "dotnet7",
  "go1.x", "provided",
]);

/** Container definitions are a JSON string; a definition whose JSON noros cannot read is skipped. */
function containers(body: Body): Body[] {
  if (typeof body.container_definitions !== "string") return [];
  try {
    const parsed: unknown = JSON.parse(body.container_definitions);
    return Array.isArray(parsed) ? parsed.filter((c): c is Body => typeof c === "object" && c !== null) : [];
  } catch {
    return [];
  }
}

const SERVICE_PRINCIPAL = /\.amazonaws\.com$/;

export const lambdaRules: readonly Rule[] = [
  {
    id: "NOROS-LAMBDA-001",
    title: "Lambda functions use a supported runtime",
    rationale: "Deprecated runtimes no longer receive security patches.",
    control: securityHub("Lambda.2"),
    resourceTypes: ["aws_lambda_function"],
    check(view) {
      return view.resources("aws_lambda_function").flatMap((f): Finding[] =>
        typeof f.body.runtime === "string" && DEPRECATED_RUNTIMES.has(f.body.runtime) ? [{ address: f.address, message: `${f.address} uses the deprecated runtime ${f.body.runtime}`, path: ["runtime"] }] : [],
      );
    },
  },
  {
    id: "NOROS-LAMBDA-002",
    title: "Lambda permissions are not public and name their source",
    rationale: "Principal \"*\" lets anyone invoke; a service principal without source_arn lets any account's resource invoke (confused deputy).",
    control: securityHub("Lambda.1"),
    resourceTypes: ["aws_lambda_permission"],
    check(view) {
      return view.resources("aws_lambda_permission").flatMap((p): Finding[] => {
        const principal = String(p.body.principal ?? "");
        if (principal === "*") return [{ address: p.address, message: `${p.address} lets anyone invoke the function`, path: ["principal"] }];
        if (SERVICE_PRINCIPAL.test(principal) && p.body.source_arn === undefined && p.body.source_account === undefined) {
          return [{ address: p.address, message: `${p.address} lets ${principal} invoke the function on behalf of any resource (no source_arn)`, path: ["principal"] }];
        }
        return [];
      });
    },
  },
  {
    id: "NOROS-LAMBDA-003",
    title: "Lambda function URLs require IAM authentication",
    rationale: "A URL with authorization_type NONE is an unauthenticated entry point that anyone can call.",
    control: securityHub("Lambda.1"),
    resourceTypes: ["aws_lambda_function_url"],
    check(view) {
      return view.resources("aws_lambda_function_url").flatMap((u): Finding[] =>
        u.body.authorization_type === "AWS_IAM" ? [] : [{ address: u.address, message: `${u.address} has authorization_type ${String(u.body.authorization_type)}`, path: ["authorization_type"] }],
      );
    },
  },
  {
    id: "NOROS-LAMBDA-004",
    title: "Lambda environment variables hold no plain-text secret",
    rationale: "Environment variables are visible to anyone who can read the function's configuration and the state.",
    control: guidance("AWS Lambda Developer Guide: securing environment variables", "https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-encryption.html"),
    resourceTypes: ["aws_lambda_function"],
    check(view) {
      return view.resources("aws_lambda_function").flatMap((f): Finding[] =>
        nested(f.body, "environment").flatMap((e) =>
          Object.entries((e.body.variables ?? {}) as Body).filter(([name, value]) => plainSecret(name, value))
            .map(([name]) => ({ address: f.address, message: `${f.address} has the secret ${name} as a plain-text environment variable`, path: [...e.path, "variables", name] })),
        ),
      );
    },
  },
];

export const ecsRules: readonly Rule[] = [
  {
    id: "NOROS-ECS-001",
    title: "ECS containers get secrets from a secret store, not the environment",
    rationale: "Plain environment variables show in the task definition, the console and the state; `secrets` references do not.",
    control: securityHub("ECS.8"),
    resourceTypes: ["aws_ecs_task_definition"],
    check(view) {
      return view.resources("aws_ecs_task_definition").flatMap((t): Finding[] =>
        containers(t.body).flatMap((c) =>
          (Array.isArray(c.environment) ? (c.environment as Body[]) : []).filter((v) => typeof v?.name === "string" && plainSecret(v.name, v.value))
            .map((v) => ({ address: t.address, message: `${t.address} container ${String(c.name)} has the secret ${String(v.name)} in its environment`, path: ["container_definitions"] })),
        ),
      );
    },
  },
  {
    id: "NOROS-ECS-002",
    title: "ECS services assign no public IP",
    rationale: "Tasks run in private subnets and are reached through a load balancer.",
    control: securityHub("ECS.2"),
    resourceTypes: ["aws_ecs_service"],
    check(view) {
      return view.resources("aws_ecs_service").flatMap((s): Finding[] =>
        bool(first(s.body, "network_configuration")?.assign_public_ip) === true ? [{ address: s.address, message: `${s.address} assigns public IP addresses to its tasks`, path: ["network_configuration"] }] : [],
      );
    },
  },
  {
    id: "NOROS-ECS-003",
    title: "ECS containers are not privileged",
    rationale: "A privileged container has root on the host it runs on.",
    control: securityHub("ECS.4"),
    resourceTypes: ["aws_ecs_task_definition"],
    check(view) {
      return view.resources("aws_ecs_task_definition").flatMap((t): Finding[] =>
        containers(t.body).filter((c) => c.privileged === true).map((c) => ({ address: t.address, message: `${t.address} container ${String(c.name)} is privileged`, path: ["container_definitions"] })),
      );
    },
  },
  {
    id: "NOROS-ECS-004",
    title: "ECS clusters have Container Insights",
    rationale: "Per-task metrics are what an incident investigation starts from.",
    control: securityHub("ECS.12"),
    resourceTypes: ["aws_ecs_cluster"],
    check(view) {
      return view.resources("aws_ecs_cluster").flatMap((c): Finding[] =>
        nested(c.body, "setting").some((s) => s.body.name === "containerInsights" && (s.body.value === "enabled" || s.body.value === "enhanced")) ? [] : [{ address: c.address, message: `${c.address} does not enable containerInsights`, path: ["setting"] }],
      );
    },
  },
];

export const ecsLoggingRules: readonly Rule[] = [
  {
    id: "NOROS-ECS-005",
    title: "ECS containers have a logging configuration",
    rationale: "A container without a log driver leaves no record of what it did when an incident needs one.",
    control: securityHub("ECS.9"),
    resourceTypes: ["aws_ecs_task_definition"],
    check(view) {
      return view.resources("aws_ecs_task_definition").flatMap((t): Finding[] =>
        containers(t.body).filter((c) => {
          const logging = c.logConfiguration;
          return !(typeof logging === "object" && logging !== null && typeof (logging as Body).logDriver === "string");
        }).map((c) => ({ address: t.address, message: `${t.address} container ${String(c.name)} has no logConfiguration`, path: ["container_definitions"] })),
      );
    },
  },
];

export const eksRules: readonly Rule[] = [
  {
    id: "NOROS-EKS-001",
    title: "EKS API endpoints are private",
    rationale: "A public Kubernetes API endpoint is one stolen kubeconfig away from the cluster.",
    control: securityHub("EKS.1"),
    resourceTypes: ["aws_eks_cluster"],
    check(view) {
      return view.resources("aws_eks_cluster").flatMap((c): Finding[] => {
        const access = first(c.body, "vpc_config")?.endpoint_public_access;
        // The provider's default is a public endpoint: only an explicit false is private.
        if (bool(access) === false) return [];
        // noros writes `length(var.<cluster>_public_access_cidrs) > 0`: public only for the ranges the
        // variable lists, none by default (a deployment may let its CI runner in; the variable refuses
        // anything wider than a /8). The policy judges the configuration as written: the default.
        const byVariable = typeof access === "string" ? /^\$\{length\(var\.([\w-]+)\) > 0\}$/.exec(access) : null;
        const ranges = byVariable ? view.variableDefault(byVariable[1] as string) : undefined;
        if (Array.isArray(ranges) && ranges.length === 0) return [];
        const opened = Array.isArray(ranges) ? ` to ${ranges.join(", ")}` : " (vpc_config.endpoint_public_access is not false)";
        return [{ address: c.address, message: `${c.address} has a public API endpoint${opened}`, path: ["vpc_config"] }];
      });
    },
  },
  {
    id: "NOROS-EKS-002",
    title: "EKS secrets are encrypted with a KMS key",
    rationale: "Envelope encryption keeps Kubernetes secrets unreadable in etcd backups.",
    control: securityHub("EKS.3"),
    resourceTypes: ["aws_eks_cluster"],
    check(view) {
      return view.resources("aws_eks_cluster").flatMap((c): Finding[] =>
        nested(c.body, "encryption_config").some((e) => Array.isArray(e.body.resources) && e.body.resources.includes("secrets")) ? [] : [{ address: c.address, message: `${c.address} has no encryption_config for "secrets"`, path: ["encryption_config"] }],
      );
    },
  },
  {
    id: "NOROS-EKS-003",
    title: "EKS control plane audit logs are on",
    rationale: "The audit log is the record of who did what through the Kubernetes API.",
    control: securityHub("EKS.8"),
    resourceTypes: ["aws_eks_cluster"],
    check(view) {
      return view.resources("aws_eks_cluster").flatMap((c): Finding[] =>
        Array.isArray(c.body.enabled_cluster_log_types) && c.body.enabled_cluster_log_types.includes("audit") ? [] : [{ address: c.address, message: `${c.address} does not enable the "audit" control plane log`, path: ["enabled_cluster_log_types"] }],
      );
    },
  },
  {
    id: "NOROS-EKS-004",
    title: "EKS node groups allow no SSH access",
    rationale: "A remote_access block opens port 22 on every node with a key pair; nodes are reached through Session Manager, if at all.",
    control: guidance("Amazon EKS Best Practices: protecting the infrastructure (no SSH to nodes)", "https://docs.aws.amazon.com/eks/latest/best-practices/protecting-the-infrastructure.html"),
    resourceTypes: ["aws_eks_node_group"],
    check(view) {
      return view.resources("aws_eks_node_group").flatMap((g): Finding[] =>
        nested(g.body, "remote_access").map((r) => ({ address: g.address, message: `${g.address} allows SSH to its nodes (remote_access)`, path: r.path })),
      );
    },
  },
];
