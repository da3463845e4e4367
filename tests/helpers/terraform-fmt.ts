import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Artefact } from "../../compiler/artefact.js";
import { tempDir } from "./cli.js";

/** Whether a `terraform` binary runs here. CI must have one: a missing binary fails there instead of skipping. */
export function terraformAvailable(): boolean {
  const found = spawnSync("terraform", ["version"], { encoding: "utf8", env: terraformEnv() }).status === 0;
  if (!found && process.env.CI === "true") throw new Error("terraform is not installed, and CI=true requires the terraform fmt checks to run");
  if (!found) console.warn("SKIPPED: terraform is not installed, so `terraform fmt -check` is not run (CI=true makes this a failure)");
  return found;
}

// No CLI configuration, no plugin downloads, no telemetry: fmt only reads the files it is given.
const terraformEnv = () => ({ ...process.env, TF_CLI_CONFIG_FILE: "/dev/null", CHECKPOINT_DISABLE: "1" });

/** `terraform fmt -check -diff` over the files: the diff it would apply, empty when they are formatted. */
export function terraformFmtDiff(files: readonly Artefact[]): { ok: boolean; diff: string } {
  const dir = tempDir("noros-fmt-");
  for (const f of files) {
    const file = path.join(dir, path.basename(f.path));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, f.contents);
  }
  const run = spawnSync("terraform", ["fmt", "-check", "-diff", "-no-color", dir], { encoding: "utf8", env: terraformEnv() });
  return { ok: run.status === 0, diff: `${run.stdout}${run.stderr}` };
}
