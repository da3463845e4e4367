import { describe, expect, it } from "vitest";
import { validateTerraform } from "../targets/terraform/schema/validate.js";

const resource = (type: string, body: Record<string, unknown>, name = "x") => ({ resource: { [type]: { [name]: body } } });
const problems = (doc: unknown) => validateTerraform(doc).map((p) => `${p.address}${p.path ? ` ${p.path}` : ""}: ${p.message}`);

describe("validateTerraform against the real provider schemas", () => {
  it("accepts a correct document, expressions included", () => {
    expect(
      problems({
        provider: { aws: { region: "eu-west-1", default_tags: { tags: { a: "b" } } } },
        resource: {
          aws_instance: { web: { ami: "${data.aws_ami.x.id}", instance_type: "t3.micro", metadata_options: { http_tokens: "required", http_put_response_hop_limit: 1 }, root_block_device: [{ encrypted: true }], count: 2 } },
        },
        data: { aws_ami: { x: { most_recent: true, owners: ["self"], filter: [{ name: "name", values: ["a*"] }] } } },
      }),
    ).toEqual([]);
  });

  it("reports an unknown resource type with a suggestion", () => {
    expect(problems(resource("aws_s3_buckit", {}))).toEqual(['aws_s3_buckit.x: unknown resource type "aws_s3_buckit" (did you mean "aws_s3_bucket"?)']);
  });

  it("reports an unknown argument", () => {
    expect(problems(resource("aws_s3_bucket", { bucket: "b", versioning_enabled: true }))).toEqual(['aws_s3_bucket.x versioning_enabled: unknown argument or block "versioning_enabled"']);
  });

  it("reports a missing required argument and a missing required block", () => {
    expect(problems(resource("aws_s3_bucket_ownership_controls", {}))).toEqual([
      'aws_s3_bucket_ownership_controls.x bucket: the required argument "bucket" is missing',
      'aws_s3_bucket_ownership_controls.x rule: the required block "rule" is missing',
    ]);
  });

  it("reports wrong nesting: a block as a scalar, too many max-1 blocks", () => {
    expect(problems(resource("aws_instance", { metadata_options: "required" }))).toEqual([
      'aws_instance.x metadata_options: "metadata_options" is a block: write an object or a list of objects, found string "required"',
    ]);
    expect(problems(resource("aws_instance", { metadata_options: [{}, {}] }))).toEqual(['aws_instance.x metadata_options: at most 1 "metadata_options" block allowed, found 2']);
  });

  it("reports wrong literal types but accepts Terraform's own conversions", () => {
    expect(problems(resource("aws_vpc", { cidr_block: "10.0.0.0/16", enable_dns_support: "yes", enable_dns_hostnames: "true" }))).toEqual([
      'aws_vpc.x enable_dns_support: expected a bool, found string "yes"',
    ]);
    expect(problems(resource("aws_instance", { root_block_device: { volume_size: "big" } }))).toEqual(['aws_instance.x root_block_device.volume_size: expected a number, found string "big"']);
  });

  it("requires every field of a plain object type", () => {
    const found = problems(resource("aws_security_group", { ingress: [{ from_port: 22, to_port: 22, protocol: "tcp", cidr_blocks: ["10.0.0.0/8"] }] }));
    expect(found).toContain("aws_security_group.x ingress[0].self: every field of this object must be given in Terraform JSON (null if unused)");
  });

  it("validates other providers' resources and the provider block", () => {
    expect(problems(resource("kubernetes_namespace", { metadata: { name: "n" } }))).toEqual([]);
    expect(problems(resource("kubernetes_namespace", { metadata: { nam: "n" } }))).toEqual(['kubernetes_namespace.x metadata.nam: unknown argument or block "nam" (did you mean "name"?)']);
    expect(problems({ provider: { aws: { regoin: "x" } } })).toEqual(['provider.aws regoin: unknown argument or block "regoin" (did you mean "region"?)']);
    expect(problems(resource("azurerm_thing", {}))).toEqual([expect.stringMatching(/^azurerm_thing\.x: no provider "azurerm"/)]);
  });
});

describe("schema problems as diagnostics", () => {
  it("point at the construct that produced the block", async () => {
    const { compile } = await import("../compiler/compile.js");
    const { validateAgainstProviders } = await import("../compiler/validate-terraform.js");
    const { lowerTerraform } = await import("../targets/terraform/lower.js");
    const { examples } = await import("./helpers/examples.js");
    const example = examples().find((e) => e.name === "bucket-host");
    if (!example) throw new Error("bucket-host example missing");
    const { graph } = compile({ file: example.file, cwd: example.dir });
    const terraform = lowerTerraform(graph);
    const resources = terraform.document.resource as Record<string, Record<string, Record<string, unknown>>>;
    (resources.aws_instance as Record<string, Record<string, unknown>>).reader = { ...resources.aws_instance?.reader, instance_typo: "x" };
    const [d] = validateAgainstProviders(terraform, graph, example.file);
    const reader = graph.nodes.find((n) => n.name === "reader");
    expect(d).toMatchObject({ code: "NOROS4001", file: reader?.pos.file, line: reader?.pos.line });
    expect(d?.message).toContain('aws_instance.reader.instance_typo: unknown argument or block "instance_typo"');
  });
});
