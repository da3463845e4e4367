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
    expect(String(doc.resource.aws_ssm_association?.reader_configuration?.parameters && (doc.resource.aws_ssm_association.reader_configuration.parameters as { commands: string }).commands)).toContain(hash);
    const locals = (doc as unknown as { locals: Record<string, string> }).locals;
    expect(doc.resource.aws_launch_template?.reader?.user_data).toBe("${base64encode(local.reader_user_data)}");
    expect(locals.reader_user_data).toContain("/etc/noros/environment");
    expect(locals.reader_user_data).not.toContain("nixos-rebuild");
    expect(doc.resource.aws_ssm_association?.reader_configuration?.wait_for_success_timeout_seconds).toBe(1800);
  });
});
