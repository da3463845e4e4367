import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { DiagnosticsError } from "../compiler/diagnostics/diagnostic.js";
import { scheduleProblem } from "../dsl/schemas/schedule.js";
import { writeFunctionSystem } from "./helpers/function-system.js";

const terraformOf = (file: string) => JSON.parse(String(compile({ file, cwd: path.dirname(file), targets: ["terraform"] }).artefacts.find((a) => a.path === "terraform/main.tf.json")?.contents));
const problemsOf = (file: string) => {
  try {
    compile({ file, cwd: path.dirname(file), targets: ["terraform"] });
  } catch (error) {
    if (error instanceof DiagnosticsError) return error.diagnostics.map((d) => `${d.code} ${d.line}:${d.col} ${d.message}`);
    throw error;
  }
  return [];
};

describe("function triggers", () => {
  it("turn every object trigger on a bucket into one notification, each function allowed for that bucket and account only", () => {
    const file = writeFunctionSystem([
      'import { bucket, fn, lazy, system } from "noros";',
      'const uploads = bucket("uploads");',
      'const thumbs = fn("thumbs", { source: "./src", runtime: "nodejs20.x", handler: "index.handler", triggers: { objects: [{ bucket: uploads, prefix: "images/" }] } });',
      'const audit = fn("audit", { source: "./src", runtime: "nodejs20.x", handler: "index.handler", triggers: { objects: [{ bucket: uploads, events: ["removed"] }] } });',
      'export default system("x", { region: "eu-central-1", resources: [uploads, thumbs, audit] });',
    ]);
    const doc = terraformOf(file);
    expect(Object.keys(doc.resource.aws_s3_bucket_notification)).toEqual(["uploads"]);
    expect(doc.resource.aws_s3_bucket_notification.uploads).toEqual({
      bucket: "${aws_s3_bucket.uploads.id}",
      lambda_function: [
        { id: "audit-0", lambda_function_arn: "${aws_lambda_function.audit.arn}", events: ["s3:ObjectRemoved:*"] },
        { id: "thumbs-0", lambda_function_arn: "${aws_lambda_function.thumbs.arn}", events: ["s3:ObjectCreated:*"], filter_prefix: "images/" },
      ],
      depends_on: ["aws_lambda_permission.audit_s3_uploads", "aws_lambda_permission.thumbs_s3_uploads"],
    });
    expect(doc.resource.aws_lambda_permission.thumbs_s3_uploads).toMatchObject({
      action: "lambda:InvokeFunction",
      principal: "s3.amazonaws.com",
      function_name: "${aws_lambda_function.thumbs.function_name}",
      source_arn: "${aws_s3_bucket.uploads.arn}",
      source_account: "${data.aws_caller_identity.current.account_id}",
    });
  });

  it("refuse two object triggers S3 would find ambiguous, at the second one (NOROS3053)", () => {
    const file = writeFunctionSystem([
      'import { bucket, fn, system } from "noros";',
      'const uploads = bucket("uploads");',
      'const a = fn("a", { source: "./src", runtime: "nodejs20.x", handler: "index.handler", triggers: { objects: [{ bucket: uploads }] } });',
      'const b = fn("b", { source: "./src", runtime: "nodejs20.x", handler: "index.handler",',
      '  triggers: { objects: [{ bucket: uploads, prefix: "logs/" }] } });',
      'export default system("x", { region: "eu-central-1", resources: [uploads, a, b] });',
    ]);
    expect(problemsOf(file)).toEqual([expect.stringMatching(/^NOROS3053 5:25 function "b": this trigger on bucket "uploads" overlaps function "a"/)]);
  });

  it("invoke a function on each EventBridge schedule, through a rule allowed to invoke it and nothing else", () => {
    const file = writeFunctionSystem([
      'import { fn, system } from "noros";',
      'const tick = fn("tick", { source: "./src", runtime: "nodejs22.x", handler: "index.handler", triggers: { schedules: ["rate(5 minutes)", "cron(0 3 ? * MON-FRI *)"] } });',
      'export default system("x", { region: "eu-central-1", resources: [tick] });',
    ]);
    const doc = terraformOf(file);
    expect(doc.resource.aws_cloudwatch_event_rule.tick_schedule_0).toMatchObject({ schedule_expression: "rate(5 minutes)", name_prefix: "${var.name_prefix}-" });
    expect(doc.resource.aws_cloudwatch_event_rule.tick_schedule_1.schedule_expression).toBe("cron(0 3 ? * MON-FRI *)");
    expect(doc.resource.aws_cloudwatch_event_target.tick_schedule_1).toMatchObject({ rule: "${aws_cloudwatch_event_rule.tick_schedule_1.name}", arn: "${aws_lambda_function.tick.arn}" });
    expect(doc.resource.aws_lambda_permission.tick_schedule_0).toMatchObject({ principal: "events.amazonaws.com", source_arn: "${aws_cloudwatch_event_rule.tick_schedule_0.arn}" });
  });

  it("report an invalid schedule at its position (NOROS2062)", () => {
    const file = writeFunctionSystem([
      'import { fn, system } from "noros";',
      'const tick = fn("tick", { source: "./src", runtime: "nodejs20.x", handler: "index.handler",',
      '  triggers: { schedules: ["rate(5 minutes)", "rate(1 minutes)"] } });',
      'export default system("x", { region: "eu-central-1", resources: [tick] });',
    ]);
    expect(problemsOf(file)).toEqual(['NOROS2062 3:46 function "tick": triggers.schedules.1: schedule rate(1 minutes): write rate(1 minute) (EventBridge takes the singular for 1)']);
  });
});

describe("schedule expressions", () => {
  it.each(["rate(1 minute)", "rate(15 minutes)", "rate(1 hour)", "rate(2 days)", "cron(0 3 * * ? *)", "cron(0/15 8-17 ? * MON-FRI *)", "cron(30 12 L * ? 2030)", "cron(0 10 ? * 6#3 *)", "cron(5,35 14 15W JAN,JUL ? *)"])("accept %s", (expression) => {
    expect(scheduleProblem(expression)).toBeUndefined();
  });

  it.each([
    ["every 5 minutes", /neither rate\(\.\.\.\) nor cron/],
    ["rate(0 minutes)", /positive whole number/],
    ["rate(5 minute)", /rate\(5 minutes\)/],
    ["rate(5 weeks)", /minute\(s\), hour\(s\) or day\(s\)/],
    ["cron(0 3 * * *)", /has 5 fields/],
    ["cron(0 3 * * * *)", /exactly one of day-of-month and day-of-week/],
    ["cron(0 3 ? * ? *)", /exactly one of day-of-month and day-of-week/],
    ["cron(60 3 * * ? *)", /minutes field "60"/],
    ["cron(0 24 * * ? *)", /hours field "24"/],
    ["cron(0 3 * 13 ? *)", /month field "13"/],
    ["cron(0 3 ? * FUNDAY *)", /day-of-week field "FUNDAY"/],
    ["cron(0 3 * * ? 1969)", /year field "1969"/],
    ["cron(0 17-8 * * ? *)", /hours field "17-8"/],
  ])("refuse %s", (expression, message) => {
    expect(scheduleProblem(expression)).toMatch(message);
  });
});
