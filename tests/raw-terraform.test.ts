import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { DiagnosticsError } from "../compiler/diagnostics/diagnostic.js";
import { runCli, writeSystem } from "./helpers/cli.js";
import { hclToJson, normalise } from "./helpers/hcl2json.js";
import { terraformAvailable, terraformFmtDiff } from "./helpers/terraform-fmt.js";

const hasTerraform = terraformAvailable();

/** A system with a bucket and one escape hatch whose spec is `raw` (starting on line 4). */
function systemWith(raw: string): string {
  return writeSystem({
    "hatch.noros.ts": [
      'import { bucket, raw, system, text } from "noros";',
      'const uploads = bucket("uploads");',
      "const notify = raw.terraform(\"notify\", {",
      raw,
      "});",
      'export default system("hatch", { region: "eu-central-1", resources: [uploads, notify] });',
      "",
    ].join("\n"),
  });
}

const notification = [
  '  reason: "S3 events to EventBridge are not in the DSL yet",',
  "  resource: {",
  "    aws_s3_bucket_notification: {",
  "      uploads: { bucket: uploads.bucketName, eventbridge: true },",
  "    },",
  "  },",
  "  output: { uploads_console: { value: text`https://console.aws.amazon.com/s3/buckets/${uploads.bucketName}` } },",
].join("\n");

function diagnosticsOf(file: string): string[] {
  try {
    compile({ file, cwd: path.dirname(file), targets: ["terraform"] });
    return [];
  } catch (error) {
    if (!(error instanceof DiagnosticsError)) throw error;
    return error.diagnostics.map((d) => `${d.line}:${d.col} ${d.code} ${d.message}`);
  }
}

describe("raw.terraform", () => {
  it("merges its blocks into the output, with typed references lowered to Terraform expressions", () => {
    const file = systemWith(notification);
    const compiled = compile({ file, cwd: path.dirname(file), targets: ["terraform"] });
    const doc = JSON.parse(String(compiled.artefacts.find((a) => a.path === "terraform/main.tf.json")?.contents)) as {
      resource: Record<string, Record<string, unknown>>;
      output: Record<string, unknown>;
    };
    expect(doc.resource.aws_s3_bucket_notification?.uploads).toEqual({ bucket: "${aws_s3_bucket.uploads.bucket}", eventbridge: true });
    expect(doc.output.uploads_console).toEqual({ value: "https://console.aws.amazon.com/s3/buckets/${aws_s3_bucket.uploads.bucket}" });
    // The reference is a dependency like any other: the graph shows the escape hatch using the bucket.
    expect(compiled.graph.edges).toContainEqual({ from: "notify", to: "uploads", kind: "refers", via: "resource" });
  });

  it("is listed by noros check, in text and JSON, with its reason and blocks", async () => {
    const file = systemWith(notification);
    const text = await runCli(["check", file], path.dirname(file));
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('  escape hatch raw.terraform "notify" at hatch.noros.ts:3:16: aws_s3_bucket_notification.uploads, output.uploads_console (S3 events to EventBridge are not in the DSL yet)\n');
    const json = await runCli(["check", file, "--json"], path.dirname(file));
    expect(JSON.parse(json.stdout).escapeHatches).toEqual([
      { kind: "raw.terraform", name: "notify", at: "hatch.noros.ts:3:16", reason: "S3 events to EventBridge are not in the DSL yet", blocks: ["aws_s3_bucket_notification.uploads", "output.uploads_console"] },
    ]);
  });

  it("lists no escape hatch for a system without one", async () => {
    const file = writeSystem({ "plain.noros.ts": 'import { bucket, system } from "noros";\nexport default system("plain", { region: "eu-central-1", resources: [bucket("b")] });\n' });
    const json = await runCli(["check", file, "--json"], path.dirname(file));
    expect(JSON.parse(json.stdout).escapeHatches).toEqual([]);
  });

  it("is written to the file of its concern by --hcl, formatted and equal to the JSON form", async () => {
    const file = systemWith(notification);
    const dir = path.dirname(file);
    const jsonRun = await runCli(["compile", file, "-o", path.join(dir, "json"), "--target", "terraform"], dir);
    const hclRun = await runCli(["compile", file, "-o", path.join(dir, "hcl"), "--target", "terraform", "--hcl"], dir);
    expect(jsonRun.code + hclRun.code, jsonRun.stderr + hclRun.stderr).toBe(0);
    const tfDir = path.join(dir, "hcl", "terraform");
    const files = readdirSync(tfDir).map((name) => ({ path: `terraform/${name}`, contents: readFileSync(path.join(tfDir, name), "utf8") }));
    expect(files.find((f) => f.path === "terraform/storage.tf")?.contents).toContain('resource "aws_s3_bucket_notification" "uploads" {\n  bucket      = aws_s3_bucket.uploads.bucket\n  eventbridge = true\n}\n');
    const document = JSON.parse(readFileSync(path.join(dir, "json", "terraform", "main.tf.json"), "utf8")) as Record<string, unknown>;
    expect(normalise(await hclToJson(files))).toEqual(normalise(document));
    if (hasTerraform) expect(terraformFmtDiff(files).diff).toBe("");
  });

  it("is validated against the provider schemas, reported at the offending line of the raw block", () => {
    const file = systemWith(['  reason: "r",', "  resource: {", "    aws_s3_bucket_notification: {", "      uploads: { bucket: uploads.bucketName, eventbrige: true },", "    },", "  },"].join("\n"));
    expect(diagnosticsOf(file)).toEqual([
      '7:46 NOROS4001 raw.terraform "notify" does not match the provider schema: aws_s3_bucket_notification.uploads.eventbrige: unknown argument or block "eventbrige" (did you mean "eventbridge"?)',
    ]);
  });

  it("refuses blocks whose address is generated already, or an output of the same name", () => {
    const file = systemWith(['  reason: "r",', "  resource: { aws_s3_bucket: { uploads: { bucket: \"other\" } } },", '  output: { uploads_arn: { value: "x" } },'].join("\n"));
    const found = diagnosticsOf(file);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^5:\d+ NOROS4002 raw\.terraform "notify" declares aws_s3_bucket\.uploads, which bucket "uploads" already declares$/);
    expect(found[1]).toMatch(/^6:\d+ NOROS4002 raw\.terraform "notify" declares output\.uploads_arn, which bucket "uploads" already declares$/);
  });

  it("refuses a construct as a value, invalid names, an empty spec and a missing reason", () => {
    expect(diagnosticsOf(systemWith('  reason: "r",\n  locals: { b: uploads as never },'))).toEqual([
      expect.stringMatching(/^5:\d+ NOROS2352 .*the bucket "uploads" itself cannot be a Terraform value: use one of its references, such as uploads\.arn$/),
    ]);
    expect(diagnosticsOf(systemWith('  reason: "r",\n  resource: { "S3 Bucket": { x: {} } },'))).toEqual([
      '5:15 NOROS2353 raw-terraform "notify": resource.S3 Bucket: "S3 Bucket" is not a Terraform resource type such as "aws_s3_bucket_notification"',
    ]);
    expect(diagnosticsOf(systemWith('  reason: "r",'))[0]).toMatch(/ NOROS2354 /);
    // The reason is required by the type already: the type-checker refuses the file.
    expect(diagnosticsOf(systemWith('  locals: { a: "b" },'))).toEqual([expect.stringMatching(/^3:\d+ NOROS1005 .*Property 'reason' is missing/)]);
  });
});
