import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "./helpers/cli.js";
import { examples } from "./helpers/examples.js";
import { hclToJson, normalise } from "./helpers/hcl2json.js";
import { terraformAvailable, terraformFmtDiff } from "./helpers/terraform-fmt.js";

const hasTerraform = terraformAvailable();

async function compileBoth(example: { file: string; dir: string }) {
  const jsonOut = path.join(tempDir(), "out");
  const hclOut = path.join(tempDir(), "out");
  const json = await runCli(["compile", example.file, "-o", jsonOut, "--target", "terraform", "--no-cache"], example.dir);
  const hcl = await runCli(["compile", example.file, "-o", hclOut, "--target", "terraform", "--no-cache", "--hcl"], example.dir);
  expect(json.code, json.stderr).toBe(0);
  expect(hcl.code, hcl.stderr).toBe(0);
  const dir = path.join(hclOut, "terraform");
  const files = readdirSync(dir).sort().map((name) => ({ path: `terraform/${name}`, contents: readFileSync(path.join(dir, name), "utf8") }));
  return { document: JSON.parse(readFileSync(path.join(jsonOut, "terraform", "main.tf.json"), "utf8")) as Record<string, unknown>, files, hclOut, stdout: hcl.stdout };
}

describe("--hcl output of every example", () => {
  it.each(examples().map((e) => [e.name, e] as const))("%s: .tf files only, formatted as terraform fmt does, equal to main.tf.json", async (_name, example) => {
    const { document, files, hclOut } = await compileBoth(example);
    // Terraform loads .tf and .tf.json alike: both forms in one directory would declare everything twice.
    expect(existsSync(path.join(hclOut, "terraform", "main.tf.json"))).toBe(false);
    expect(files.every((f) => f.path.endsWith(".tf"))).toBe(true);
    expect(files.map((f) => f.path)).toContain("terraform/providers.tf");
    const manifest = JSON.parse(readFileSync(path.join(hclOut, "manifest.json"), "utf8")) as { artefacts: Array<{ path: string }> };
    expect(manifest.artefacts.map((a) => a.path).filter((p) => p.startsWith("terraform/"))).toEqual(files.map((f) => f.path));

    expect(normalise(await hclToJson(files))).toEqual(normalise(document));
    if (hasTerraform) {
      const fmt = terraformFmtDiff(files);
      expect(fmt.diff).toBe("");
      expect(fmt.ok).toBe(true);
    }
  });
});
