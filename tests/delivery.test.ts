import { describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import type { Graph } from "../compiler/graph.js";
import { sha256 } from "../compiler/util/hash.js";
import { lowerTerraform } from "../targets/terraform/lower.js";
import { examples } from "./helpers/examples.js";

/** Every resource address whose body differs between two Terraform documents. */
function changedAddresses(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const section of ["resource", "data"] as const) {
    const left = (a[section] ?? {}) as Record<string, Record<string, unknown>>;
    const right = (b[section] ?? {}) as Record<string, Record<string, unknown>>;
    for (const type of new Set([...Object.keys(left), ...Object.keys(right)])) {
      for (const name of new Set([...Object.keys(left[type] ?? {}), ...Object.keys(right[type] ?? {})])) {
        if (JSON.stringify(left[type]?.[name]) !== JSON.stringify(right[type]?.[name])) out.push(`${section === "data" ? "data." : ""}${type}.${name}`);
      }
    }
  }
  return out.sort();
}

describe("NixOS configuration delivery", () => {
  const example = examples().find((e) => e.name === "bucket-host");
  if (!example) throw new Error("bucket-host example missing");
  const { graph } = compile({ file: example.file, cwd: example.dir });

  it("changing one line of a host's configuration changes only its object and its SSM association, never the instance", () => {
    const before = lowerTerraform(graph).document;
    const current = graph.hostConfigurations.get("reader");
    if (!current) throw new Error("reader has no configuration");
    const changed = current.configuration.replace('networking.hostName = "reader";', 'networking.hostName = "reader-2";');
    const edited: Graph = { ...graph, hostConfigurations: new Map([...graph.hostConfigurations, ["reader", { ...current, configuration: changed, sha256: sha256(changed) }]]) };
    const after = lowerTerraform(edited).document;
    expect(changedAddresses(before, after)).toEqual(["aws_s3_object.reader_configuration", "aws_ssm_association.reader_configuration"]);
  });

  it("keys the configuration object by its content hash and keeps it out of the user data", () => {
    const doc = lowerTerraform(graph).document as { resource: Record<string, Record<string, Record<string, unknown>>> };
    const hash = graph.hostConfigurations.get("reader")?.sha256 ?? "";
    expect(doc.resource.aws_s3_object?.reader_configuration?.key).toBe(`hosts/reader/${hash}/configuration.nix`);
    expect(doc.resource.aws_ssm_association?.reader_configuration?.parameters).toEqual({
      configurationUrl: `s3://\${aws_s3_bucket.noros_delivery.bucket}/hosts/reader/${hash}/configuration.nix`,
      sha256: hash,
    });
    const locals = (doc as unknown as { locals: Record<string, string> }).locals;
    expect(doc.resource.aws_launch_template?.reader?.user_data).toBe("${base64encode(local.reader_user_data)}");
    expect(locals.reader_user_data).toContain("/etc/noros/environment");
    expect(locals.reader_user_data).not.toContain("nixos-rebuild");
    expect(doc.resource.aws_ssm_association?.reader_configuration?.wait_for_success_timeout_seconds).toBe(1800);
  });

  it("runs the system's own SSM Command document (schema 2.2), with the configuration's URL and sha256 as parameters", () => {
    const doc = lowerTerraform(graph).document as { resource: Record<string, Record<string, Record<string, unknown>>> };
    const document = doc.resource.aws_ssm_document?.noros_delivery;
    expect(document).toMatchObject({ name: "${var.name_prefix}-configuration", document_type: "Command", document_format: "JSON" });
    expect(Object.keys(doc.resource.aws_ssm_document ?? {})).toEqual(["noros_delivery"]);
    const content = JSON.parse(String(document?.content)) as {
      schemaVersion: string;
      parameters: Record<string, { type: string; allowedPattern: string }>;
      mainSteps: Array<{ action: string; inputs: { runCommand: string[] } }>;
    };
    expect(content.schemaVersion).toBe("2.2");
    expect(Object.keys(content.parameters)).toEqual(["configurationUrl", "sha256"]);
    const association = doc.resource.aws_ssm_association?.reader_configuration as { name: string; parameters: { configurationUrl: string; sha256: string } };
    expect(association.name).toBe("${aws_ssm_document.noros_delivery.name}");
    // The parameters the association passes are the only ones the patterns admit (the bucket's name stands in for its reference).
    const url = association.parameters.configurationUrl.replace("${aws_s3_bucket.noros_delivery.bucket}", "noros-delivery-abc123");
    expect(url).toMatch(new RegExp(content.parameters.configurationUrl?.allowedPattern ?? "^$"));
    expect(association.parameters.sha256).toMatch(new RegExp(content.parameters.sha256?.allowedPattern ?? "^$"));
    expect("s3://b-x/hosts/reader/x; rm -rf //configuration.nix").not.toMatch(new RegExp(content.parameters.configurationUrl?.allowedPattern ?? ""));
    const [step] = content.mainSteps;
    expect(step?.action).toBe("aws:runShellScript");
    expect(step?.inputs.runCommand).toContain("url='{{ configurationUrl }}'");
    expect(step?.inputs.runCommand).toContain('echo "$sha256  /etc/nixos/configuration.nix.next" | sha256sum -c -');
    expect(step?.inputs.runCommand.at(-1)).toMatch(/^nixos-rebuild switch -I nixpkgs=https:\/\/github\.com\/NixOS\/nixpkgs\/archive\/[0-9a-f]{40}\.tar\.gz$/);
    // Nothing host-specific in the document: a changed configuration leaves it as it is.
    expect(String(document?.content)).not.toContain(graph.hostConfigurations.get("reader")?.sha256 ?? "-");
  });
});
