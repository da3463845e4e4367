import { describe, expect, it } from "vitest";
import { compileModules, expectGolden, expectParses, modulePart, moduleDiagnostics } from "./helpers/nix-modules.js";

const declarations = `
const app = logGroup("app-logs", { retentionDays: 30 });
const errors = logGroup("errors", { retentionDays: 90 });
`;

describe("log pipeline module (Vector)", () => {
  const host = compileModules(
    ["logPipeline", "logGroup"],
    `logPipeline({
      name: "app",
      source: { journald: { units: ["game"] } },
      steps: [
        { parse: "json" },
        { filter: { not: { field: "level", equals: "debug" } } },
        { map: { rename: { msg: "message" }, set: { cost: "$5" }, remove: ["password"] } },
      ],
      routes: [
        { name: "errors", when: { any: [{ field: "level", oneOf: ["error", "fatal"] }, { field: "http.status", atLeast: 500 }] }, to: errors },
      ],
      to: app,
    })`,
    { declarations },
  );

  it("lowers source, steps, routes and sinks to services.vector.settings", () => {
    const part = modulePart(host.configuration, "log pipeline app");
    expectGolden("log-pipeline", part);
    expect(part).toContain('include_units = [ "game.service" ];');
    expect(part).toContain('type = "route";');
    expect(part).toContain('inputs = [ "app_routes._unmatched" ];');
    expect(part).toContain("services.vector.journaldAccess = true;");
    // Vector interpolates $VAR in its whole configuration: the literal "$5" is written "$$5".
    expect(part).toContain('.cost = "$$5"');
    // The log group's deployed name comes from the host's environment, the default prefix as fallback.
    expect(part).toContain('group_name = "\\${NOROS_LOG_GROUP_ERRORS:-/noros/mods/errors}";');
    expectParses(host.configuration);
  });

  it("gives the host's role stream creation and event writes on exactly its log groups", () => {
    const statements = (host.terraform.data.aws_iam_policy_document?.web_grants?.statement ?? []) as Array<{ sid: string; actions: string[]; resources: string[] }>;
    expect(statements).toEqual([
      { sid: "ShipLogsToAppLogs", effect: "Allow", actions: ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"], resources: ["${aws_cloudwatch_log_group.app-logs.arn}", "${aws_cloudwatch_log_group.app-logs.arn}:log-stream:*"] },
      { sid: "ShipLogsToErrors", effect: "Allow", actions: ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"], resources: ["${aws_cloudwatch_log_group.errors.arn}", "${aws_cloudwatch_log_group.errors.arn}:log-stream:*"] },
    ]);
  });

  it("writes the log groups' deployed names into the host's environment", () => {
    const userData = String((host.terraform as { locals?: Record<string, unknown> }).locals?.web_user_data);
    expect(userData).toContain("NOROS_LOG_GROUP_APP_LOGS='${replace(\"${aws_cloudwatch_log_group.app-logs.name}\"");
    expect(userData).toContain("NOROS_LOG_GROUP_ERRORS=");
  });

  it("refuses a destination that is not a log group (the type checker already does)", () => {
    const problems = moduleDiagnostics(["logPipeline", "topic"], `logPipeline({ name: "p", source: { file: { paths: ["/var/log/x.log"] } }, to: t })`, `const t = topic("t");`);
    expect(problems[0]?.code).toBe("NOROS1005");
  });
});
