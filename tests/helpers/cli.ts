import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { main } from "../../compiler/cli/main.js";

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process, as a user would from `cwd`, capturing what it prints. */
export async function runCli(args: readonly string[], cwd: string): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

export function tempDir(prefix = "noros-test-"): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export const repoRoot = path.resolve(import.meta.dirname, "..", "..");

/** Writes a system (file name -> source) into a fresh directory and returns the entry's path. */
export function writeSystem(files: Readonly<Record<string, string>>): string {
  const dir = tempDir("noros-sys-");
  for (const [name, source] of Object.entries(files)) writeFileSync(path.join(dir, name), source);
  return path.join(dir, Object.keys(files)[0] as string);
}
