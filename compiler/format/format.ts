import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as prettier from "prettier";
import { SYSTEM_FILE_SUFFIX } from "../load/find-system-file.js";

/**
 * The one style for system files, pinned here rather than read from the author's Prettier config, so
 * that `noros fmt` gives the same result in every project (as `terraform fmt` does).
 */
export const formatOptions: prettier.Options = {
  parser: "typescript",
  printWidth: 100,
  tabWidth: 2,
  useTabs: false,
  semi: true,
  singleQuote: false,
  trailingComma: "all",
  bracketSpacing: true,
  arrowParens: "always",
  endOfLine: "lf",
};

export async function formatSource(source: string): Promise<string> {
  return prettier.format(source, formatOptions);
}

/** The files `noros fmt` works on: those named, or (when a system file is here) every .ts file in the directory. */
export function filesToFormat(given: readonly string[], cwd: string): string[] {
  if (given.length > 0) return given.map((f) => path.resolve(cwd, f));
  const names = readdirSync(cwd).filter((n) => n.endsWith(".ts"));
  if (!names.some((n) => n.endsWith(SYSTEM_FILE_SUFFIX))) return [];
  return names.sort().map((n) => path.join(cwd, n));
}

/** Formats in place, or with `check` only reports; returns the files that were (or would be) changed. */
export async function formatFiles(files: readonly string[], check: boolean): Promise<string[]> {
  const changed: string[] = [];
  for (const file of files) {
    const source = readFileSync(file, "utf8");
    const formatted = await formatSource(source);
    if (formatted === source) continue;
    changed.push(file);
    if (!check) writeFileSync(file, formatted);
  }
  return changed;
}
