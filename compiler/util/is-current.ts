import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Is a file built from sources (by `npm run build`) newer than every .ts file under `sourceDirs`? A
 * checkout whose sources were edited after the last build must not use stale prebuilt artefacts.
 */
export function isCurrent(built: string, sourceDirs: readonly string[]): boolean {
  if (!existsSync(built)) return false;
  const builtAt = statSync(built).mtimeMs;
  return sourceDirs.every((dir) =>
    readdirSync(dir, { recursive: true, encoding: "utf8" }).every((f) => !f.endsWith(".ts") || statSync(path.join(dir, f)).mtimeMs <= builtAt),
  );
}
