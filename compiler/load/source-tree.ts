import { lstatSync, readdirSync, readFileSync, type Stats } from "node:fs";
import path from "node:path";
import type { ServiceSourceFile } from "../graph.js";
import { sha256 } from "../util/hash.js";

/**
 * Names never copied from a source directory (a service's build context, a function's package):
 * version control, dependencies installed on the author's machine, caches, logs and local secrets.
 * The docker target writes the same list into each `.dockerignore`.
 */
export const ignoredDirectories = [".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", ".pytest_cache", ".mypy_cache"] as const;
export const ignoredFiles = [".DS_Store", ".env", "npm-debug.log"] as const;
export const ignoredSuffixes = [".log", ".pyc", ".swp"] as const;

export function isIgnored(name: string, directory: boolean): boolean {
  if (directory) return (ignoredDirectories as readonly string[]).includes(name);
  return (ignoredFiles as readonly string[]).includes(name) || name.startsWith(".env.") || ignoredSuffixes.some((s) => name.endsWith(s));
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** What reading a source directory found: its files in path order, or why it cannot be used. */
export type SourceTree =
  | { readonly ok: true; readonly files: readonly ServiceSourceFile[]; readonly absolute: readonly string[]; readonly problems: readonly SourceProblem[] }
  | { readonly ok: false; readonly reason: "missing" | "not-directory" | "too-large" | "empty"; readonly detail: string; readonly problems: readonly SourceProblem[] };

export interface SourceProblem {
  readonly message: string;
  readonly hint?: string;
}

/**
 * Reads every regular file below `dir` (sorted by path, ignored names left out), refusing symbolic
 * links and special files (`problems`, named relative to `label`) and stopping at
 * `maxFiles` / `maxBytes`. `copiedInto` names where the files go, for the symbolic-link message.
 */
export function readSourceTree(dir: string, label: string, limits: { maxFiles: number; maxBytes: number; copiedInto: string }): SourceTree {
  let stat: Stats;
  try {
    stat = lstatSync(dir);
  } catch {
    return { ok: false, reason: "missing", detail: `source directory ${label} does not exist (looked for ${dir})`, problems: [] };
  }
  if (!stat.isDirectory()) return { ok: false, reason: "not-directory", detail: `source ${label} is not a directory`, problems: [] };
  const collected: Array<{ path: string; absolute: string; stat: Stats }> = [];
  const problems: SourceProblem[] = [];
  let bytes = 0;
  let tooMany = false;
  const walk = (absolute: string, relative: string) => {
    const entries = readdirSync(absolute, { withFileTypes: true }).sort((a, b) => byName(a.name, b.name));
    for (const entry of entries) {
      const full = path.join(absolute, entry.name);
      const rel = relative === "" ? entry.name : `${relative}/${entry.name}`;
      if (entry.isSymbolicLink()) {
        problems.push({ message: `${label}/${rel} is a symbolic link, which is not copied into ${limits.copiedInto}`, hint: "replace it with the file or directory it points to" });
        continue;
      }
      if (isIgnored(entry.name, entry.isDirectory())) continue;
      if (entry.isDirectory()) {
        walk(full, rel);
        continue;
      }
      if (!entry.isFile()) {
        problems.push({ message: `${label}/${rel} is not a regular file` });
        continue;
      }
      const s = lstatSync(full);
      bytes += s.size;
      if (collected.length >= limits.maxFiles) tooMany = true;
      else collected.push({ path: rel, absolute: full, stat: s });
    }
  };
  walk(dir, "");
  if (tooMany || bytes > limits.maxBytes) {
    return { ok: false, reason: "too-large", detail: `source ${label} holds ${tooMany ? `more than ${limits.maxFiles} files` : `${Math.round(bytes / 2 ** 20)} MiB`}`, problems };
  }
  if (collected.length === 0) return { ok: false, reason: "empty", detail: `source directory ${label} has no files`, problems };
  collected.sort((a, b) => byName(a.path, b.path));
  return {
    ok: true,
    files: collected.map((f) => ({ path: f.path, contents: readFileSync(f.absolute), executable: (f.stat.mode & 0o111) !== 0 })),
    absolute: collected.map((f) => f.absolute),
    problems,
  };
}

/** One hash for a whole tree: each file's path, mode and content hash, in path order. */
export function treeHash(files: readonly ServiceSourceFile[]): string {
  return sha256(files.map((f) => `${f.path}\u0000${f.executable ? "755" : "644"}\u0000${sha256(f.contents)}\n`).join(""));
}
