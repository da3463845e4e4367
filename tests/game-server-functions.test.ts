import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { valueString } from "../targets/terraform/expression.js";
import { repoRoot } from "./helpers/cli.js";

/** S1.3 as deployed: the start API and the idle stopper of examples/game-server, and what each may do. */
const file = path.join(repoRoot, "examples", "game-server", "game-server.noros.ts");
const compiled = compile({ file, cwd: path.dirname(file), targets: ["terraform"] });
const doc = JSON.parse(String(compiled.artefacts.find((a) => a.path === "terraform/main.tf.json")?.contents));
const pairsOf = (fn: string) =>
  compiled.graph.grants.filter((g) => g.principal.name === fn).flatMap((g) => g.actions.flatMap((a) => g.resources.map((r) => `${a} ${valueString(r)}`))).sort();

describe("game-server functions (S1.3)", () => {
  it("answer players on the start API, without credentials, throttled, its URL an output", () => {
    const routes = Object.values(doc.resource.aws_apigatewayv2_route as Record<string, { route_key: string; authorization_type: string }>);
    expect(routes.map((r) => `${r.route_key} ${r.authorization_type}`).sort()).toEqual(["GET /start NONE", "GET /status NONE", "POST /start NONE"]);
    expect(doc.resource.aws_apigatewayv2_stage.start.default_route_settings).toMatchObject({ throttling_rate_limit: 2, throttling_burst_limit: 5 });
    expect(doc.output.start_url.value).toBe("${aws_apigatewayv2_stage.start.invoke_url}");
  });

  it("let the start function start that one server and read its state, nothing more", () => {
    expect(pairsOf("start-server")).toEqual([
      "ec2:DescribeInstances *",
      "ec2:StartInstances ${aws_instance.server.arn}",
      "logs:CreateLogStream ${aws_cloudwatch_log_group.start-server_function.arn}:*",
      "logs:PutLogEvents ${aws_cloudwatch_log_group.start-server_function.arn}:*",
    ]);
  });

  it("run the idle stopper every five minutes, allowed to stop that one server and read metrics", () => {
    expect(doc.resource.aws_cloudwatch_event_rule["stop-idle_schedule_0"].schedule_expression).toBe("rate(5 minutes)");
    expect(pairsOf("stop-idle")).toEqual([
      "cloudwatch:GetMetricData *",
      "ec2:DescribeInstances *",
      "ec2:StopInstances ${aws_instance.server.arn}",
      "logs:CreateLogStream ${aws_cloudwatch_log_group.stop-idle_function.arn}:*",
      "logs:PutLogEvents ${aws_cloudwatch_log_group.stop-idle_function.arn}:*",
    ]);
    expect(doc.resource.aws_lambda_function["stop-idle"].environment.variables).toEqual({ INSTANCE_ID: "${aws_instance.server.id}", IDLE_MINUTES: "30", IDLE_PACKETS_PER_MINUTE: "600" });
  });

  it("keep every function's and the API's logs for a year", () => {
    for (const name of ["start-server_function", "stop-idle_function", "start_access"]) expect(doc.resource.aws_cloudwatch_log_group[name].retention_in_days).toBe(365);
  });
});
