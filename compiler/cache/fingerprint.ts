import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { packageRoot, packageVersion } from "../util/package-root.js";
import { sha256 } from "../util/hash.js";

const compilerDirectories = ["dist", "dsl", "compiler", "targets", "schemas"];

function walk(dir: string, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else {
      const s = statSync(full);
      out.push(`${full}\u0000${s.size}\u0000${s.mtimeMs}`);
    }
  }
}

let cached: string | undefined;

/**
 * Identifies this exact compiler: its version plus the size and time of each of its files. Cheap (stat
 * only), and any change to noros itself, even an unreleased one, gives a different fingerprint.
 */
export function compilerFingerprint(): string {
  if (cached) return cached;
  const root = packageRoot();
  const files: string[] = [];
  for (const dir of compilerDirectories) walk(path.join(root, dir), files);
  cached = sha256([packageVersion(), ...files.sort()].join("\n"));
  return cached;
}
