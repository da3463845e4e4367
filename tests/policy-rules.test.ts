import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile, type Compiled } from "../compiler/compile.js";
import { DiagnosticsError, type Diagnostic } from "../compiler/diagnostics/diagnostic.js";
import { policyRules } from "../compiler/policy/catalogue.js";
import { evaluatePolicy } from "../compiler/policy/engine.js";
import { validateTerraform } from "../targets/terraform/schema/validate.js";
import { writeSystem } from "./helpers/cli.js";
import { ruleFixtures, type Spec } from "./helpers/policy-fixtures.js";

const rulesOf = (spec: Spec) => evaluatePolicy({ resource: spec.resource ?? {}, data: spec.data ?? {} }).map((v) => v.rule.id);

describe("policy rule catalogue", () => {
  it("has at least 30 rules, each with a unique id, a one-line rationale and a control link", () => {
    expect(policyRules.length).toBeGreaterThanOrEqual(30);
    expect(new Set(policyRules.map((r) => r.id)).size).toBe(policyRules.length);
    for (const rule of policyRules) {
      expect(rule.id).toMatch(/^NOROS-[A-Z0-9]+-\d{3}$/);
      expect(rule.rationale).not.toContain("\n");
      expect(rule.control.url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    }
  });

  it("has a fixture for every rule", () => {
    expect(ruleFixtures.map((f) => f.rule).sort()).toEqual(policyRules.map((r) => r.id));
  });
});

describe.each(ruleFixtures)("$rule", ({ rule, violating, compliant }) => {
  it("fires on its violating fixture, and only it fires", () => {
    expect(rulesOf(violating)).toEqual([rule]);
  });
  it("is quiet on the corrected fixture", () => {
    expect(rulesOf(compliant)).toEqual([]);
  });
  it("uses fixtures that match the real provider schema", () => {
    for (const spec of [violating, compliant]) expect(validateTerraform({ resource: spec.resource ?? {}, data: spec.data ?? {} })).toEqual([]);
  });
});

/**
 * Every fixture as its own escape hatch, one per line, compiled as a user would: each rule's
 * diagnostic must land on its fixture's line, and waiving that rule for that construct must be enough.
 */
function fixtureSystem(waived: boolean): { file: string; lineOf: Map<string, number> } {
  const lineOf = new Map<string, number>();
  const lines = ['import { raw, system, waive } from "noros";'];
  const names: string[] = [];
  ruleFixtures.forEach(({ rule, violating }, index) => {
    const name = `fixture-${index}`;
    const spec = JSON.stringify({ reason: `fixture for ${rule}`, ...violating });
    const hatch = `raw.terraform("${name}", ${spec})`;
    lineOf.set(rule, lines.length + 1);
    lines.push(`const f${index} = ${waived ? `waive(${hatch}, "${rule}", "fixture: ${rule} is violated on purpose")` : hatch};`);
    names.push(`f${index}`);
  });
  lines.push(`export default system("policy-fixtures", { region: "eu-central-1", resources: [${names.join(", ")}] });`, "");
  return { file: writeSystem({ "fixtures.noros.ts": lines.join("\n") }), lineOf };
}

function compileOrDiagnostics(file: string): Compiled | readonly Diagnostic[] {
  try {
    return compile({ file, cwd: path.dirname(file), targets: ["terraform"] });
  } catch (error) {
    if (error instanceof DiagnosticsError) return error.diagnostics;
    throw error;
  }
}

describe("policy through the compiler", () => {
  it("reports each violation as NOROS5001 at the offending raw block's line, and writes nothing", () => {
    const { file, lineOf } = fixtureSystem(false);
    const result = compileOrDiagnostics(file);
    expect(Array.isArray(result), "the violating system must not compile").toBe(true);
    const diagnostics = result as readonly Diagnostic[];
    expect(diagnostics.every((d) => d.code === "NOROS5001" && d.file === file)).toBe(true);
    const found = diagnostics.map((d) => `${d.line} ${/^(NOROS-[A-Z0-9]+-\d{3})/.exec(d.message)?.[1]}`).sort();
    const expected = ruleFixtures.map(({ rule }) => `${lineOf.get(rule)} ${rule}`).sort();
    expect(found).toEqual(expected);
  });

  it("accepts the same system once each rule is waived for its construct, and lists the waivers", () => {
    const { file, lineOf } = fixtureSystem(true);
    const result = compileOrDiagnostics(file);
    expect(Array.isArray(result) ? (result as Diagnostic[]).map((d) => `${d.line}:${d.col} ${d.code} ${d.message}`) : []).toEqual([]);
    const compiled = result as Compiled;
    expect(compiled.diagnostics).toEqual([]);
    expect(compiled.policy.waivers.map((w) => `${w.pos.line} ${w.rule}`).sort()).toEqual(ruleFixtures.map(({ rule }) => `${lineOf.get(rule)} ${rule}`).sort());
  });
});

/** How rules read the shapes noros itself generates: settings in launch templates, locals, variables. */
describe("rules over noros's own shapes", () => {
  const ids = (document: Record<string, unknown>) => evaluatePolicy(document).map((v) => `${v.rule.id} ${v.finding.address}`);
  const template = (metadata: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    metadata_options: metadata,
    block_device_mappings: [{ device_name: "/dev/xvda", ebs: { encrypted: "true" } }],
    ...extra,
  });
  const launched = { launch_template: { id: "${aws_launch_template.web.id}", version: "${aws_launch_template.web.latest_version}" } };

  it("judge an instance launched from a template by the template, and report a weak template once, at the template", () => {
    expect(ids({ resource: { aws_instance: { web: launched }, aws_launch_template: { web: template({ http_tokens: "required", http_put_response_hop_limit: 1 }) } } })).toEqual([]);
    expect(ids({ resource: { aws_instance: { web: launched }, aws_launch_template: { web: template({ http_tokens: "optional", http_put_response_hop_limit: 2 }) } } })).toEqual([
      "NOROS-EC2-002 aws_launch_template.web",
      "NOROS-EC2-006 aws_launch_template.web",
    ]);
    // An instance that writes a setting itself is judged by what it writes.
    expect(ids({ resource: { aws_instance: { web: { ...launched, metadata_options: { http_tokens: "optional", http_put_response_hop_limit: 1 } } }, aws_launch_template: { web: template({ http_tokens: "required", http_put_response_hop_limit: 1 }) } } })).toEqual(["NOROS-EC2-001 aws_instance.web"]);
  });

  it("follow user data into the local it is written in", () => {
    const document = (script: string) => ({
      locals: { web_user_data: script },
      resource: { aws_launch_template: { web: template({ http_tokens: "required", http_put_response_hop_limit: 1 }, { user_data: "${base64encode(local.web_user_data)}" }) } },
    });
    expect(ids(document("#!/bin/sh\nAPI_TOKEN='tok-123'\n"))).toEqual(["NOROS-EC2-010 aws_launch_template.web"]);
    expect(ids(document("#!/bin/sh\nMODE='prod'\nAPI_TOKEN_ARN='arn:aws:secretsmanager:eu-central-1:123456789012:secret:t'\n"))).toEqual([]);
  });

  it("read an EKS endpoint opened through the public-access variable by the variable's default", () => {
    const cluster = (ranges: string[]) => ({
      variable: { web_public_access_cidrs: { type: "list(string)", default: ranges } },
      resource: {
        aws_eks_cluster: {
          web: {
            vpc_config: { endpoint_private_access: true, endpoint_public_access: "${length(var.web_public_access_cidrs) > 0}" },
            encryption_config: { resources: ["secrets"] },
            enabled_cluster_log_types: ["audit"],
          },
        },
      },
    });
    expect(ids(cluster([]))).toEqual([]);
    const found = evaluatePolicy(cluster(["203.0.113.0/24"]));
    expect(found.map((v) => v.rule.id)).toEqual(["NOROS-EKS-001"]);
    expect(found[0]?.finding.message).toContain("203.0.113.0/24");
  });

  it("accept SSE-S3 only on a bucket a load balancer writes its access logs to", () => {
    const spec = ruleFixtures.find((f) => f.rule === "NOROS-S3-002")?.compliant as Spec;
    const sseS3 = JSON.parse(JSON.stringify({ resource: spec.resource, data: spec.data })) as { resource: Record<string, Record<string, Record<string, unknown>>> };
    const name = Object.keys(sseS3.resource.aws_s3_bucket_server_side_encryption_configuration ?? {})[0] as string;
    (sseS3.resource.aws_s3_bucket_server_side_encryption_configuration as Record<string, Record<string, unknown>>)[name] = { bucket: `\${aws_s3_bucket.${name}.id}`, rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } }] };
    expect(ids(sseS3)).toEqual([`NOROS-S3-002 aws_s3_bucket_server_side_encryption_configuration.${name}`]);
    sseS3.resource.aws_lb = { lb: { load_balancer_type: "application", drop_invalid_header_fields: true, access_logs: [{ bucket: `\${aws_s3_bucket.${name}.bucket}`, enabled: true }] } };
    expect(ids(sseS3)).toEqual([]);
  });

  it("take names that point at a credential or digest it for what they are", () => {
    const task = (name: string) => ({ resource: { aws_ecs_task_definition: { t: { family: "t", container_definitions: JSON.stringify([{ name: "app", environment: [{ name, value: "x1" }], logConfiguration: { logDriver: "awslogs" } }]) } } } });
    expect(ids(task("API_KEY"))).toEqual(["NOROS-ECS-001 aws_ecs_task_definition.t"]);
    for (const name of ["API_KEY_HASHES", "DB_PASSWORD_ARN", "TOKEN_FILE", "SECRET_NAME"]) expect(ids(task(name))).toEqual([]);
  });
});
