import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { writeSystem } from "./cli.js";

/**
 * Writes a system file (given as lines) into a fresh directory, with a Node.js handler module in
 * each of `sources` (default ./src), and returns the entry's path.
 */
export function writeFunctionSystem(lines: readonly string[], sources: readonly string[] = ["src"]): string {
  const file = writeSystem({ "x.noros.ts": lines.join("\n") });
  for (const dir of sources) {
    mkdirSync(path.join(path.dirname(file), dir), { recursive: true });
    writeFileSync(path.join(path.dirname(file), dir, "index.mjs"), "export const handler = async () => ({ statusCode: 200 });\n");
  }
  return file;
}
