import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./cli.js";

/** Every example directory with its single system file. */
export function examples(): Array<{ name: string; dir: string; file: string }> {
  const root = path.join(repoRoot, "examples");
  return readdirSync(root)
    .filter((name) => statSync(path.join(root, name)).isDirectory())
    .sort()
    .map((name) => {
      const dir = path.join(root, name);
      const file = readdirSync(dir).find((f) => f.endsWith(".noros.ts"));
      if (!file) throw new Error(`examples/${name} has no *.noros.ts`);
      return { name, dir, file: path.join(dir, file) };
    });
}

/** All files below `dir`, as relative paths with forward slashes, sorted. */
export function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? listFiles(full, base) : [path.relative(base, full).split(path.sep).join("/")];
    })
    .sort();
}

export function readTree(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((f) => [f, readFileSync(path.join(dir, f), "utf8")]));
}
