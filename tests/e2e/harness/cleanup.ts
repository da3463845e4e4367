/**
 * What the harness itself creates besides processes and containers (which the engine's registry
 * handles): temporary output directories and built images. Removed by the normal teardown; on
 * SIGINT/SIGTERM or an exit without teardown, {@link cleanupHarnessSync} removes what is left.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";

const directories = new Set<string>();

/** An applied Terraform run not yet destroyed, and the terraform process working on it, if any. */
export interface TerraformRun {
  readonly bin: string;
  readonly dir: string;
  /** Updated once the run's images are pushed (their tags are variables destroy needs too). */
  vars: readonly string[];
  child?: number | undefined;
}
const terraformRuns = new Set<TerraformRun>();
const images = new Set<string>();

export const track = {
  directory(dir: string): void {
    directories.add(dir);
  },
  image(tag: string): void {
    images.add(tag);
  },
  forgetDirectory(dir: string): void {
    directories.delete(dir);
  },
  terraform(run: TerraformRun): void {
    terraformRuns.add(run);
  },
  forgetTerraform(run: TerraformRun): void {
    terraformRuns.delete(run);
  },
  forgetImage(tag: string): void {
    images.delete(tag);
  },
};

/** Synchronous, so it can run from an `exit` listener (after the engine has removed the containers). */
export function cleanupHarnessSync(): void {
  for (const run of terraformRuns) {
    // A running apply is interrupted (terraform stops gracefully on SIGINT and releases the state
    // lock), and destroy waits for that lock.
    if (run.child !== undefined) {
      try {
        process.kill(run.child, "SIGINT");
      } catch {
        // already gone
      }
    }
    process.stderr.write(`[noros test] interrupted: terraform destroy in ${run.dir}\n`);
    const r = spawnSync(run.bin, ["destroy", "-auto-approve", "-input=false", "-no-color", "-lock-timeout=5m", ...run.vars], { cwd: run.dir, stdio: ["ignore", "ignore", "inherit"] });
    if (r.status !== 0) {
      const left = spawnSync(run.bin, ["state", "list"], { cwd: run.dir, encoding: "utf8" });
      process.stderr.write(`[noros test] terraform destroy FAILED in ${run.dir} (kept); left:\n${left.stdout ?? ""}`);
      process.exitCode = 1;
    } else directories.add(run.dir);
  }
  terraformRuns.clear();
  for (const tag of images) spawnSync("buildah", ["rmi", "--force", tag], { stdio: "ignore" });
  images.clear();
  for (const dir of directories) rmSync(dir, { recursive: true, force: true });
  directories.clear();
}

let installed = false;

/** Runs {@link cleanupHarnessSync} when the process exits, however it exits. Idempotent. */
export function cleanupHarnessOnExit(): void {
  if (installed) return;
  installed = true;
  process.once("exit", cleanupHarnessSync);
}
