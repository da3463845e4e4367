import { spawn } from "node:child_process";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { terraformHcl } from "../targets/terraform/hcl/index.js";
import { tempDir } from "./helpers/cli.js";
import { examples } from "./helpers/examples.js";
import { terraformAvailable } from "./helpers/terraform-fmt.js";

/**
 * hcl2json cannot tell a nested block from an attribute holding a list of objects; Terraform can. Where
 * a local provider mirror exists (NOROS_TF_PLUGIN_DIR, default /opt/tf-plugins), both forms of every
 * example are initialised from it and `terraform validate`d against the real provider: the HCL form must
 * get exactly the verdict of the JSON form. The mirror may hold another provider version than the pinned
 * one, so both forms are pinned to the mirror's version for this check only.
 */
const pluginDir = process.env.NOROS_TF_PLUGIN_DIR ?? "/opt/tf-plugins";
const mirrored = (source: string): string | undefined => {
  const dir = path.join(pluginDir, "registry.terraform.io", source);
  return existsSync(dir) ? readdirSync(dir).sort().pop() : undefined;
};
const hasTerraform = terraformAvailable();
const hasMirror = hasTerraform && mirrored("hashicorp/aws") !== undefined;
if (hasTerraform && !hasMirror) console.warn(`SKIPPED: no provider mirror at ${pluginDir}, so terraform validate does not compare the HCL and JSON forms`);

const env = { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null", CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" };

/**
 * Runs terraform without blocking the test worker: validating a large document takes Terraform longer
 * than vitest waits for a blocked worker to answer (its RPC timeout).
 */
function terraform(args: readonly string[], cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("terraform", args, { cwd, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** `terraform validate -json` of a directory, or undefined when a provider is not in the mirror. */
async function validate(dir: string): Promise<{ valid: boolean; diagnostics: Array<{ severity: string; summary: string; detail: string | undefined }> } | undefined> {
  const init = await terraform(["init", "-backend=false", `-plugin-dir=${pluginDir}`, "-no-color", "-input=false"], dir);
  if (init.status !== 0) {
    console.warn(`SKIPPED: terraform init from ${pluginDir} failed in ${dir}: ${init.stderr.split("\n").find((l) => l.trim() !== "") ?? ""}`);
    return undefined;
  }
  const run = await terraform(["validate", "-json", "-no-color"], dir);
  const result = JSON.parse(run.stdout) as { valid: boolean; diagnostics: Array<{ severity: string; summary: string; detail?: string }> };
  // Positions differ between the forms by nature; what Terraform says does not.
  return { valid: result.valid, diagnostics: result.diagnostics.map((d) => ({ severity: d.severity, summary: d.summary, detail: d.detail })) };
}

type Document = { terraform: { required_providers: Record<string, { source: string; version: string }> } } & Record<string, any>;

/**
 * The document without the blocks of providers the mirror lacks (kubernetes and helm, for a system with
 * a cluster), so that the rest is still validated by Terraform instead of the whole example being
 * skipped. Outputs and depends_on entries naming a dropped block go with it.
 */
function withoutUnmirrored(document: Document): Document {
  const missing = Object.entries(document.terraform.required_providers).filter(([, r]) => mirrored(r.source) === undefined).map(([name]) => name);
  if (missing.length === 0) return document;
  const dropped = (type: string) => missing.some((p) => type.startsWith(`${p}_`));
  const mentionsDropped = (value: unknown) => missing.some((p) => new RegExp(`\\b(data\\.)?${p}_[a-z0-9_]+\\.`).test(JSON.stringify(value)));
  console.warn(`NOTE: ${missing.join(", ")} not in ${pluginDir}: terraform validate checks the rest of the configuration only`);
  const out: Document = JSON.parse(JSON.stringify(document));
  for (const name of missing) {
    delete out.terraform.required_providers[name];
    delete out.provider?.[name];
  }
  for (const section of ["resource", "data"]) {
    for (const type of Object.keys(out[section] ?? {})) {
      if (dropped(type)) delete out[section][type];
      else for (const body of Object.values(out[section][type]) as Array<{ depends_on?: string[] }>) if (body.depends_on) body.depends_on = body.depends_on.filter((d) => !mentionsDropped(`${d}.`));
    }
  }
  for (const [name, output] of Object.entries(out.output ?? {})) if (mentionsDropped(output)) delete out.output[name];
  return out;
}

describe.skipIf(!hasMirror)("terraform validate, HCL against JSON", () => {
  it.each(examples().map((e) => [e.name, e] as const))("%s: the HCL form is valid exactly when the JSON form is", async (_name, example) => {
    const compiled = compile({ file: example.file, cwd: example.dir, targets: ["terraform"] });
    const document = withoutUnmirrored(JSON.parse(String(compiled.artefacts.find((a) => a.path === "terraform/main.tf.json")?.contents)) as Document);
    for (const requirement of Object.values(document.terraform.required_providers)) requirement.version = mirrored(requirement.source) ?? requirement.version;

    const jsonDir = tempDir("noros-validate-json-");
    writeFileSync(path.join(jsonDir, "main.tf.json"), JSON.stringify(document, null, 2));
    const hclDir = tempDir("noros-validate-hcl-");
    for (const file of terraformHcl(document)) writeFileSync(path.join(hclDir, path.basename(file.path)), file.contents);
    const json = await validate(jsonDir);
    if (json === undefined) return;
    const hcl = await validate(hclDir);
    // Not `valid` itself: an argument newer than the mirror's provider makes both forms invalid alike.
    // Terraform reports in the order it reads files and blocks, which differs between the two forms.
    const inOrder = (r: NonNullable<typeof json>) => ({ ...r, diagnostics: [...r.diagnostics].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)) });
    expect(hcl && inOrder(hcl)).toEqual(inOrder(json));
  }, 120_000);
});
