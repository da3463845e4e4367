import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { DiagnosticsError } from "../compiler/diagnostics/diagnostic.js";
import { routeProblem } from "../dsl/schemas/http-api.js";
import { writeFunctionSystem } from "./helpers/function-system.js";

const api = (extra = "", wrap = (construct: string) => construct) =>
  writeFunctionSystem([
    'import { fn, httpApi, system, waive } from "noros";',
    'const start = fn("start", { source: "./src", runtime: "nodejs20.x", handler: "index.handler" });',
    'const files = fn("files", { source: "./src", runtime: "nodejs20.x", handler: "index.handler" });',
    `const web = ${wrap(`httpApi("web", { routes: { "POST /start": start, "GET /start": start, "GET /files/{name}": files, "ANY /raw/{proxy+}": files }${extra} })`)};`,
    'export default system("x", { region: "eu-central-1", resources: [web] });',
  ]);
const terraformOf = (file: string) => JSON.parse(String(compile({ file, cwd: path.dirname(file), targets: ["terraform"] }).artefacts.find((a) => a.path === "terraform/main.tf.json")?.contents));

describe("HTTP APIs", () => {
  const doc = terraformOf(api());
  const r = doc.resource;

  it("route each key to its function's Lambda proxy integration, one integration per function", () => {
    expect(r.aws_apigatewayv2_api.web).toMatchObject({ name: "${var.name_prefix}-web", protocol_type: "HTTP" });
    expect(Object.keys(r.aws_apigatewayv2_integration).sort()).toEqual(["web_files", "web_start"]);
    expect(r.aws_apigatewayv2_integration.web_start).toMatchObject({ integration_type: "AWS_PROXY", integration_uri: "${aws_lambda_function.start.invoke_arn}", payload_format_version: "2.0" });
    const routes = Object.values(r.aws_apigatewayv2_route as Record<string, { route_key: string; target: string; authorization_type: string }>);
    expect(routes.map((x) => `${x.route_key} -> ${x.target}`).sort()).toEqual([
      "ANY /raw/{proxy+} -> integrations/${aws_apigatewayv2_integration.web_files.id}",
      "GET /files/{name} -> integrations/${aws_apigatewayv2_integration.web_files.id}",
      "GET /start -> integrations/${aws_apigatewayv2_integration.web_start.id}",
      "POST /start -> integrations/${aws_apigatewayv2_integration.web_start.id}",
    ]);
  });

  it("require signed (IAM) requests unless the author says none, which the security policy wants waived", () => {
    expect(new Set(Object.values(r.aws_apigatewayv2_route as Record<string, { authorization_type: string }>).map((x) => x.authorization_type))).toEqual(new Set(["AWS_IAM"]));
    const unwaived = api(', authorization: "none"');
    let found: string[] = [];
    try {
      compile({ file: unwaived, cwd: path.dirname(unwaived), targets: ["terraform"] });
    } catch (error) {
      if (!(error instanceof DiagnosticsError)) throw error;
      found = error.diagnostics.map((d) => `${d.line} ${d.code} ${/^(NOROS-[A-Z0-9]+-\d{3})/.exec(d.message)?.[1]}`);
    }
    expect(found).toEqual(["4 NOROS5001 NOROS-APIGW-002", "4 NOROS5001 NOROS-APIGW-002", "4 NOROS5001 NOROS-APIGW-002", "4 NOROS5001 NOROS-APIGW-002"]);
    const open = terraformOf(api(', authorization: "none"', (c) => `waive(${c}, "NOROS-APIGW-002", "a public test endpoint")`));
    expect(new Set(Object.values(open.resource.aws_apigatewayv2_route as Record<string, { authorization_type: string }>).map((x) => x.authorization_type))).toEqual(new Set(["NONE"]));
  });

  it("let API Gateway invoke each function on its own routes only", () => {
    const permissions = Object.values(r.aws_lambda_permission as Record<string, { function_name: string; principal: string; source_arn: string }>);
    expect(new Set(permissions.map((p) => p.principal))).toEqual(new Set(["apigateway.amazonaws.com"]));
    expect(permissions.map((p) => `${p.function_name.replace(/^\$\{aws_lambda_function\.(.*)\.function_name\}$/, "$1")} ${p.source_arn.replace("${aws_apigatewayv2_api.web.execution_arn}", "")}`).sort()).toEqual([
      "files /*/*/raw/*",
      "files /*/GET/files/*",
      "start /*/GET/start",
      "start /*/POST/start",
    ]);
  });

  it("serve a throttled $default stage that writes JSON access logs to a log group with retention", () => {
    expect(r.aws_apigatewayv2_stage.web).toMatchObject({
      name: "$default",
      auto_deploy: true,
      access_log_settings: { destination_arn: "${aws_cloudwatch_log_group.web_access.arn}" },
      default_route_settings: { throttling_rate_limit: 10, throttling_burst_limit: 20 },
    });
    expect(Object.keys(JSON.parse(r.aws_apigatewayv2_stage.web.access_log_settings.format))).toEqual(expect.arrayContaining(["requestId", "sourceIp", "routeKey", "status"]));
    expect(r.aws_cloudwatch_log_group.web_access).toMatchObject({ retention_in_days: 90 });
  });

  it("output the stage's URL as <api>_url", () => {
    expect(doc.output.web_url).toEqual({ value: "${aws_apigatewayv2_stage.web.invoke_url}" });
  });

  it("report a route that is not METHOD /path at its position (NOROS2063)", () => {
    const file = writeFunctionSystem([
      'import { fn, httpApi, system } from "noros";',
      'const start = fn("start", { source: "./src", runtime: "nodejs20.x", handler: "index.handler" });',
      'const web = httpApi("web", { routes: {',
      '  "/start": start } });',
      'export default system("x", { region: "eu-central-1", resources: [web] });',
    ]);
    try {
      compile({ file, cwd: path.dirname(file), targets: ["terraform"] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DiagnosticsError);
      expect((error as DiagnosticsError).diagnostics.map((d) => `${d.code} ${d.line}:${d.col} ${d.message}`)).toEqual([
        'NOROS2063 4:3 http-api "web": routes./start: route "/start" is not "METHOD /path" such as "GET /start"',
      ]);
    }
  });

  it.each([
    ["GET /start", undefined],
    ["ANY /", undefined],
    ["DELETE /servers/{id}/sessions", undefined],
    ["get /start", /not "METHOD \/path"/],
    ["FETCH /start", /FETCH is not one of/],
    ["GET start", /not "METHOD \/path"/],
    ["GET /a//b", /segment "" is invalid/],
    ["GET /{proxy+}/more", /must be the last segment/],
    ["GET /a b", /not "METHOD \/path"|segment/],
  ])("route key %s", (key, problem) => {
    if (problem === undefined) expect(routeProblem(key)).toBeUndefined();
    else expect(routeProblem(key)).toMatch(problem);
  });
});
