import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { valueString } from "../targets/terraform/expression.js";
import { writeFunctionSystem } from "./helpers/function-system.js";

/**
 * Least privilege derived from a function's relationships: for each function, the exact
 * (action, resource) pairs of its role's policy, and nothing on anyone else's.
 */
const file = writeFunctionSystem([
  'import { bucket, fn, host, lazy, network, system, topic } from "noros";',
  'const net = network("net", { cidr: "10.0.0.0/16", privateSubnets: ["10.0.1.0/24"] });',
  'const web = host("web", { network: net });',
  'const game = host("game", { network: net });',
  'const alerts = topic("alerts");',
  'const ops = fn("ops", { source: "./src", runtime: "nodejs20.x", handler: "index.handler",',
  '  controls: [{ host: web, actions: ["reboot"] }, { host: game, actions: ["start", "stop", "describe", "readMetrics"] }],',
  "  publishesTo: [alerts] });",
  'const idle = fn("idle", { source: "./src", runtime: "nodejs20.x", handler: "index.handler" });',
  'const inbox = bucket("inbox", { readers: [lazy(() => ops)], writers: [lazy(() => idle)] });',
  'export default system("x", { region: "eu-central-1", resources: [net, web, game, alerts, ops, idle, inbox] });',
]);
const compiled = compile({ file, cwd: path.dirname(file), targets: ["terraform"] });
const doc = JSON.parse(String(compiled.artefacts.find((a) => a.path === "terraform/main.tf.json")?.contents));

const pairsOf = (principal: string) =>
  compiled.graph.grants
    .filter((g) => g.principal.kind === "function" && g.principal.name === principal)
    .flatMap((g) => g.actions.flatMap((action) => g.resources.map((r) => `${action} ${valueString(r)}`)))
    .sort();

describe("a function's permissions", () => {
  it("are its own log group plus exactly what controls, publishesTo and bucket relationships grant", () => {
    expect(pairsOf("ops")).toEqual([
      "cloudwatch:GetMetricData *",
      "ec2:DescribeInstances *",
      "ec2:RebootInstances ${aws_instance.web.arn}",
      "ec2:StartInstances ${aws_instance.game.arn}",
      "ec2:StopInstances ${aws_instance.game.arn}",
      "logs:CreateLogStream ${aws_cloudwatch_log_group.ops_function.arn}:*",
      "logs:PutLogEvents ${aws_cloudwatch_log_group.ops_function.arn}:*",
      "s3:GetObject ${aws_s3_bucket.inbox.arn}/*",
      "s3:ListBucket ${aws_s3_bucket.inbox.arn}",
      "sns:Publish ${aws_sns_topic.alerts.arn}",
    ]);
    expect(pairsOf("idle")).toEqual([
      "logs:CreateLogStream ${aws_cloudwatch_log_group.idle_function.arn}:*",
      "logs:PutLogEvents ${aws_cloudwatch_log_group.idle_function.arn}:*",
      "s3:PutObject ${aws_s3_bucket.inbox.arn}/*",
    ]);
  });

  it("never pair a wildcard action with anything, and use resource \"*\" only for actions IAM cannot scope", () => {
    const statements = Object.entries(doc.data.aws_iam_policy_document as Record<string, { statement: Array<{ actions: string[]; resources?: string[] }> }>)
      .filter(([name]) => name === "ops_grants" || name === "idle_grants")
      .flatMap(([, d]) => d.statement);
    expect(statements.flatMap((s) => s.actions).filter((a) => a.includes("*"))).toEqual([]);
    expect(statements.filter((s) => s.resources?.includes("*")).flatMap((s) => s.actions).sort()).toEqual(["cloudwatch:GetMetricData", "ec2:DescribeInstances"]);
  });

  it("are the one policy on the function's own role, which only Lambda may assume", () => {
    expect(doc.resource.aws_iam_role_policy.ops_grants).toMatchObject({ role: "${aws_iam_role.ops.id}", policy: "${data.aws_iam_policy_document.ops_grants.json}" });
    expect(Object.values(doc.resource.aws_iam_role_policy as Record<string, { role: string }>).filter((p) => p.role === "${aws_iam_role.ops.id}")).toHaveLength(1);
    expect(doc.resource.aws_iam_role_policy_attachment ?? {}).not.toHaveProperty("ops");
    expect(doc.data.aws_iam_policy_document.ops_lambda_assume.statement).toEqual([
      { sid: "LambdaAssumeRole", effect: "Allow", actions: ["sts:AssumeRole"], principals: [{ type: "Service", identifiers: ["lambda.amazonaws.com"] }] },
    ]);
    expect(doc.resource.aws_lambda_function.ops.role).toBe("${aws_iam_role.ops.arn}");
  });

  it("come with a log group that has a retention", () => {
    expect(doc.resource.aws_cloudwatch_log_group.ops_function).toMatchObject({ name: "/aws/lambda/${var.name_prefix}-ops", retention_in_days: 90 });
    expect(doc.resource.aws_lambda_function.ops.logging_config).toEqual({ log_format: "JSON", log_group: "${aws_cloudwatch_log_group.ops_function.name}" });
  });

  it("are listed by the graph as permission edges to the hosts, never to the function itself", () => {
    const edges = compiled.graph.edges.filter((e) => e.from === "ops").map((e) => `${e.kind} ${e.to} ${e.via}`).sort();
    expect(edges).toEqual(["grants alerts publishesTo", "grants game controls", "grants web controls"]);
  });
});
