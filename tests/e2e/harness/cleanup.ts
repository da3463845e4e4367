/**
 * What the harness itself creates besides processes and containers (which the engine's registry
 * handles): temporary output directories and built images. Removed by the normal teardown; on
 * SIGINT/SIGTERM or an exit without teardown, {@link cleanupHarnessSync} removes what is left.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";

const directories = new Set<string>();
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
  forgetImage(tag: string): void {
    images.delete(tag);
  },
};

/** Synchronous, so it can run from an `exit` listener (after the engine has removed the containers). */
export function cleanupHarnessSync(): void {
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
