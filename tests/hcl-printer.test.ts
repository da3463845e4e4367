import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { printHcl, terraformHcl } from "../targets/terraform/hcl/index.js";
import { attribute, block, source, type Expr, type Item } from "../targets/terraform/hcl/ast.js";
import { concernOf } from "../targets/terraform/hcl/files.js";
import { expression } from "../targets/terraform/hcl/from-json.js";
import { heredoc, quoted } from "../targets/terraform/hcl/strings.js";
import { scanTemplate, soleInterpolation } from "../targets/terraform/hcl/template.js";
import { hclToJson, normalise } from "./helpers/hcl2json.js";
import { terraformAvailable, terraformFmtDiff } from "./helpers/terraform-fmt.js";

const hasTerraform = terraformAvailable();
const fmtIt = hasTerraform ? it : it.skip;

const doc = (resource: Record<string, Record<string, unknown>>, extra: Record<string, unknown> = {}) => ({
  terraform: { required_version: ">= 1.10", required_providers: { aws: { source: "hashicorp/aws", version: "6.25.0" } } },
  provider: { aws: { region: "eu-central-1" } },
  resource,
  ...extra,
});

/** Prints a JSON value as the attribute `x` of a one-attribute body. */
const printValue = (value: unknown) => printHcl([attribute("x", expression(value))]);

describe("templates", () => {
  it("splits literal text from interpolations and directives, keeping $${ and %%{ literal", () => {
    expect(scanTemplate('a-${var.x}-$${b}-%{ if c }d%{ endif }-%%{e}')).toEqual([
      { kind: "literal", text: "a-" },
      { kind: "interpolation", text: "${var.x}" },
      { kind: "literal", text: "-$${b}-" },
      { kind: "directive", text: "%{ if c }" },
      { kind: "literal", text: "d" },
      { kind: "directive", text: "%{ endif }" },
      { kind: "literal", text: "-%%{e}" },
    ]);
  });

  it("finds the end of an interpolation holding strings, braces and nested templates", () => {
    const expr = '${join(",", [for k, v in { a = "}" } : "${k}=${v}"])}';
    expect(scanTemplate(`${expr}!`)).toEqual([{ kind: "interpolation", text: expr }, { kind: "literal", text: "!" }]);
    expect(soleInterpolation(expr)).toBe('join(",", [for k, v in { a = "}" } : "${k}=${v}"])');
  });

  it("unwraps only a template that is one interpolation without strip markers", () => {
    expect(soleInterpolation("${aws_s3_bucket.x.arn}")).toBe("aws_s3_bucket.x.arn");
    expect(soleInterpolation("${aws_s3_bucket.x.arn}/*")).toBeUndefined();
    expect(soleInterpolation("${~ var.x ~}")).toBeUndefined();
    expect(soleInterpolation("$${x}")).toBeUndefined();
    expect(scanTemplate("${unclosed")).toBeUndefined();
  });
});

describe("strings", () => {
  it("escapes quotes, backslashes and control characters, and keeps template escapes", () => {
    expect(quoted('say "hi"\\n')).toBe('"say \\"hi\\"\\\\n"');
    expect(quoted("tab\there\u0001")).toBe('"tab\\there\\u0001"');
    expect(quoted("$${literal} %%{literal} ${var.x}")).toBe('"$${literal} %%{literal} ${var.x}"');
    expect(quoted('${jsonencode({ a = "\\"" })}')).toBe('"${jsonencode({ a = "\\"" })}"');
  });

  it("writes a multi-line string that ends with a newline as an indented heredoc", () => {
    expect(printValue("line one\n  indented ${var.x}\n\nlast\n")).toBe("x = <<-EOT\n  line one\n    indented ${var.x}\n\n  last\nEOT\n");
  });

  it("keeps quotes where a heredoc would change the string", () => {
    expect(heredoc("no final newline\nsecond")).toBeUndefined();
    expect(heredoc("  every line\n  indented\n")).toBeUndefined();
    expect(heredoc("\ttab\nx\n")).toBeUndefined();
    expect(heredoc("trailing \nx\n")).toBeUndefined();
    expect(heredoc("one line\n")).toBeUndefined();
    expect(printValue("a\r\nb\r\n")).toBe('x = "a\\r\\nb\\r\\n"\n');
  });

  it("picks a heredoc marker the text does not contain", () => {
    expect(heredoc("a\nEOT\n")).toMatchObject({ marker: "EOF" });
  });
});

describe("the HCL printer", () => {
  it("aligns = in runs of one-line attributes, as terraform fmt does", () => {
    const items: Item[] = [attribute("a", source("1")), attribute("long_name", source("2")), { kind: "blank" }, attribute("bb", source("3"))];
    expect(printHcl([block("b", [], items)])).toBe("b {\n  a         = 1\n  long_name = 2\n\n  bb = 3\n}\n");
  });

  it("writes maps with bare keys where they are names and quoted keys otherwise", () => {
    expect(printValue({ Name: "web", "noros:system": "s", "2fa": true, for: 1, "a-b": null })).toBe(
      ["x = {", '  "2fa"          = true', '  Name           = "web"', "  a-b            = null", '  "for"          = 1', '  "noros:system" = "s"', "}", ""].join("\n"),
    );
  });

  fmtIt("keeps aligning = across a heredoc inside an object, as terraform fmt does", () => {
    const printed = printValue({ a: 1, long_key: "two\nlines\n", m: 2, z_nested: { c: 3 }, zz: 4 });
    expect(printed).toBe(["x = {", "  a        = 1", "  long_key = <<-EOT", "    two", "    lines", "  EOT", "  m        = 2", "  z_nested = {", "    c = 3", "  }", "  zz = 4", "}", ""].join("\n"));
    expect(terraformFmtDiff([{ path: "terraform/x.tf", contents: printed }]).diff).toBe("");
  });

  it("writes short lists of plain values on one line and others one element per line", () => {
    expect(printValue(["a", 1, true])).toBe('x = ["a", 1, true]\n');
    expect(printValue([{ a: 1 }])).toBe("x = [\n  {\n    a = 1\n  },\n]\n");
    expect(printValue([])).toBe("x = []\n");
    expect(printValue({})).toBe("x = {}\n");
  });

  it("writes nested blocks for schema blocks and attributes for everything else", () => {
    const files = terraformHcl(doc({ aws_instance: { web: { ami: "ami-1", instance_type: "t3.small", metadata_options: { http_tokens: "required" }, tags: { Name: "web" }, root_block_device: [{ encrypted: true }] } } }));
    const compute = files.find((f) => f.path === "terraform/compute.tf")?.contents;
    expect(compute).toContain('resource "aws_instance" "web" {\n  ami           = "ami-1"\n  instance_type = "t3.small"\n\n  tags = {\n    Name = "web"\n  }\n\n  metadata_options {\n    http_tokens = "required"\n  }\n\n  root_block_device {\n    encrypted = true\n  }\n}\n');
  });

  it("writes meta-arguments first and depends_on and lifecycle last, with references bare", () => {
    const files = terraformHcl(doc({ aws_s3_bucket: { b: { count: 2, provider: "aws.west", bucket: "${var.name}-${count.index}", depends_on: ["aws_s3_bucket.a"], lifecycle: { ignore_changes: ["tags"], prevent_destroy: true } } } }));
    expect(files.find((f) => f.path === "terraform/storage.tf")?.contents).toContain(
      'resource "aws_s3_bucket" "b" {\n  count    = 2\n  provider = aws.west\n\n  bucket = "${var.name}-${count.index}"\n\n  depends_on = [aws_s3_bucket.a]\n\n  lifecycle {\n    ignore_changes  = [tags]\n    prevent_destroy = true\n  }\n}\n',
    );
  });

  it("files each block by concern, unknown types in main.tf", () => {
    expect(concernOf("aws_cloudwatch_event_rule")).toBe("functions");
    expect(concernOf("aws_cloudwatch_metric_alarm")).toBe("operations");
    expect(concernOf("aws_vpc_endpoint")).toBe("network");
    expect(concernOf("aws_iam_role")).toBe("iam");
    expect(concernOf("kubernetes_deployment")).toBe("containers");
    expect(concernOf("aws_glue_job")).toBe("main");
    const files = terraformHcl(doc({ aws_glue_catalog_database: { d: { name: "d" } }, aws_vpc: { v: { cidr_block: "10.0.0.0/16" } } }, { output: { o: { value: "${aws_vpc.v.id}" } }, variable: { v: { type: "string" } } }));
    expect(files.map((f) => f.path)).toEqual(["terraform/main.tf", "terraform/network.tf", "terraform/outputs.tf", "terraform/providers.tf", "terraform/variables.tf"]);
    expect(files.find((f) => f.path === "terraform/variables.tf")?.contents).toContain('variable "v" {\n  type = string\n}\n');
  });
});

/** Expressions written carelessly in JSON-form strings, as a raw.terraform author might. */
const messyExpressions = [
  "var.x?1:0",
  "[for x in var.y:x if x!=null]",
  "{for k,v in var.m:k=>v...}",
  "2-1",
  "x - -1",
  "!var.b",
  "foo(1,2)[0]",
  "var.list[*].id",
  "provider::aws::arn_parse(\"x\")",
  "(1+2)*3",
  "var.a&&var.b||!var.c",
  "foo(var.list...)",
  "jsonencode({a=\"x\",b=[1,2]})",
  "local.x%2",
  "a<=b",
];

describe("expression spacing", () => {
  it("spaces expressions inside ${...} as terraform fmt does, without changing a token", () => {
    expect(printValue("${var.x?1:0}")).toBe("x = var.x ? 1 : 0\n");
    expect(printValue("${ var.name }-${count.index+1}")).toBe('x = "${var.name}-${count.index + 1}"\n');
    expect(printValue("${jsonencode({a=\"x y\"})}")).toBe('x = jsonencode({ a = "x y" })\n');
    expect(printValue("%{ if var.on }on%{ endif }")).toBe('x = "%{if var.on}on%{endif}"\n');
    expect(printValue("${x-1}")).toBe("x = x-1\n"); // one identifier: HCL names may hold hyphens
    expect(printValue("${~ var.x ~}")).toBe('x = "${~ var.x ~}"\n'); // strip markers are kept as written
  });

  fmtIt("leaves nothing for terraform fmt to change in carelessly written expressions", () => {
    const locals = Object.fromEntries(messyExpressions.flatMap((e, i) => [[`bare${i}`, `\${${e}}`], [`text${i}`, `at \${${e}} and \${ ${e} }`]]));
    const files = terraformHcl({ ...doc({}), locals });
    expect(terraformFmtDiff(files).diff).toBe("");
  });

  it("keeps such expressions equal to the JSON form for hcl2json, blanks aside", async () => {
    const locals = Object.fromEntries(messyExpressions.map((e, i) => [`e${i}`, `\${${e}}`]));
    const document = { ...doc({ aws_s3_bucket: { b: { bucket: "b" } } }), locals };
    expect(normalise(await hclToJson(terraformHcl(document)))).toEqual(normalise(document));
  });
});

/** Strings that exercise escaping: quotes, backslashes, template markers, newlines, unicode. */
const trickyString = fc.stringMatching(/^[a-zA-Z0-9 "\\$%{}\n\t:./\-é]{0,24}$/).map((s) =>
  // Keep the generated text literal in Terraform's eyes: double every template opener.
  s.replace(/[$%]\{/g, (m) => `${m[0]}${m}`),
);
const reference = fc.constantFrom("${var.name_prefix}", "${aws_s3_bucket.b.arn}", '${jsonencode({ a = "x" })}', "${length(var.list) > 0 ? 1 : 0}", "${ var.x?1:-1 }", '${join(",",[for s in var.l:upper(s)])}');
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, trickyString, reference, fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie("value"), { maxLength: 3 }), fc.dictionary(fc.stringMatching(/^[a-zA-Z_:\- 0-9]{1,8}$/), tie("value"), { maxKeys: 3 })),
})).value;

describe("properties", () => {
  it("prints any JSON value so that hcl2json reads back the same value", async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/), value, { minKeys: 1, maxKeys: 4 }), async (tags) => {
        const document = doc({ aws_s3_bucket: { b: { bucket: "b" } } }, { locals: tags });
        const back = await hclToJson(terraformHcl(document));
        expect(normalise(back)).toEqual(normalise(document));
      }),
      { numRuns: 150 },
    );
  });

  fmtIt("prints any JSON value formatted as terraform fmt leaves it", () => {
    const samples = fc.sample(fc.dictionary(fc.stringMatching(/^[a-z_][a-z0-9_]{0,12}$/), value, { minKeys: 1, maxKeys: 5 }), { numRuns: 60, seed: 4 });
    const files = samples.map((locals, i) => ({ path: `terraform/sample${i}.tf`, contents: printHcl([block("locals", [], Object.entries(locals).map(([k, v]) => attribute(k, expression(v as never) as Expr)))]) }));
    const result = terraformFmtDiff(files);
    expect(result.diff).toBe("");
    expect(result.ok).toBe(true);
  });
});

describe("less common Terraform constructs", () => {
  /** Every top-level and meta-argument form the printer knows, in JSON form as Terraform documents it. */
  const everything = {
    terraform: { required_version: ">= 1.10", required_providers: { aws: { source: "hashicorp/aws", version: "6.25.0" }, random: { source: "hashicorp/random", version: "3.7.2" } } },
    provider: { aws: [{ region: "eu-central-1" }, { alias: "west", region: "eu-west-1" }] },
    variable: {
      sizes: { type: "map(number)", description: "Sizes.", default: { small: 1, "x-large": 4 }, validation: [{ condition: "${alltrue([for v in values(var.sizes): v > 0])}", error_message: "Positive." }] },
      secret: { type: "string", sensitive: true, nullable: false },
    },
    locals: { names: "${[for k, v in var.sizes: upper(k)]}" },
    data: { aws_region: { current: {} } },
    resource: {
      aws_instance: {
        web: {
          count: 2,
          provider: "aws.west",
          ami: "ami-1",
          instance_type: "t3.small",
          dynamic: { ebs_block_device: { for_each: "${var.sizes}", iterator: "disk", content: { device_name: "/dev/sd${disk.key}", volume_size: "${disk.value}" } } },
          depends_on: ["data.aws_region.current"],
          lifecycle: { create_before_destroy: true, ignore_changes: ["tags", "user_data"], precondition: [{ condition: "${var.secret != \"\"}", error_message: "Set the secret." }] },
        },
      },
      aws_launch_template: {
        web: {
          name: "web",
          block_device_mappings: { device_name: "/dev/xvda", dynamic: { ebs: { for_each: "${var.sizes}", content: { encrypted: true } } } },
        },
      },
      random_id: { suffix: { byte_length: 4, keepers: { "noros:run": "${var.secret}" } } },
    },
    output: { ids: { value: "${aws_instance.web[*].id}", description: "Instance ids.", sensitive: false, depends_on: ["aws_instance.web"] } },
    module: { vpc: { source: "terraform-aws-modules/vpc/aws", version: "6.0.1", name: "main", azs: ["eu-central-1a"], providers: { aws: "aws.west" }, depends_on: ["random_id.suffix"] } },
    moved: [{ from: "aws_instance.old", to: "aws_instance.web" }],
    import: [{ to: "random_id.suffix", id: "abcd" }],
  };

  it("prints them idiomatically", () => {
    const files = new Map(terraformHcl(everything).map((f) => [f.path, String(f.contents)]));
    expect(files.get("terraform/variables.tf")).toContain('variable "secret" {\n  type      = string\n  sensitive = true\n  nullable  = false\n}\n');
    expect(files.get("terraform/compute.tf")).toContain(
      '  dynamic "ebs_block_device" {\n    for_each = var.sizes\n    iterator = disk\n\n    content {\n      device_name = "/dev/sd${disk.key}"\n      volume_size = disk.value\n    }\n  }\n',
    );
    expect(files.get("terraform/compute.tf")).toContain('  block_device_mappings {\n    device_name = "/dev/xvda"\n\n    dynamic "ebs" {\n      for_each = var.sizes\n\n      content {\n        encrypted = true\n      }\n    }\n  }\n');
    expect(files.get("terraform/outputs.tf")).toContain('output "ids" {\n  value       = aws_instance.web[*].id\n  description = "Instance ids."\n  sensitive   = false\n\n  depends_on = [aws_instance.web]\n}\n');
    expect(files.get("terraform/main.tf")).toContain(
      'module "vpc" {\n  source  = "terraform-aws-modules/vpc/aws"\n  version = "6.0.1"\n  azs     = ["eu-central-1a"]\n  name    = "main"\n\n  providers = {\n    aws = aws.west\n  }\n\n  depends_on = [random_id.suffix]\n}\n',
    );
    expect(files.get("terraform/main.tf")).toContain('moved {\n  from = aws_instance.old\n  to   = aws_instance.web\n}\n');
    expect(files.get("terraform/providers.tf")).toContain('provider "aws" {\n  alias  = "west"\n  region = "eu-west-1"\n}\n');
    expect(files.get("terraform/providers.tf")).toContain('  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "6.25.0"\n    }\n    random = {\n');
  });

  it("reads back equal through hcl2json", async () => {
    expect(normalise(await hclToJson(terraformHcl(everything)))).toEqual(normalise(everything));
  });

  fmtIt("leaves nothing for terraform fmt to change", () => {
    expect(terraformFmtDiff(terraformHcl(everything)).diff).toBe("");
  });
});
