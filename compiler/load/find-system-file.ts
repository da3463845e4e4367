import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { DiagnosticsError, diagnostic } from "../diagnostics/diagnostic.js";

export const SYSTEM_FILE_SUFFIX = ".noros.ts";

/**
 * The file to compile: the one given, or else the single `*.noros.ts` in `cwd`. None or several is an
 * error that names what was found, so the author knows which argument to pass.
 */
export function findSystemFile(given: string | undefined, cwd: string): string {
  if (given !== undefined) {
    const file = path.resolve(cwd, given);
    let isFile = false;
    try {
      isFile = statSync(file).isFile();
    } catch {
      isFile = false;
    }
    if (!isFile) throw new DiagnosticsError([diagnostic({ file: given, line: 0, col: 0 }, "NOROS1003", `no such file: ${given}`)]);
    return file;
  }
  const found = readdirSync(cwd).filter((name) => name.endsWith(SYSTEM_FILE_SUFFIX)).sort();
  if (found.length === 1) return path.join(cwd, found[0] as string);
  const here = { file: cwd, line: 0, col: 0 };
  if (found.length === 0) {
    throw new DiagnosticsError([
      diagnostic(here, "NOROS1001", `no *${SYSTEM_FILE_SUFFIX} file in ${cwd}`, { hint: "pass the system file as an argument, or run `noros init`" }),
    ]);
  }
  throw new DiagnosticsError([
    diagnostic(here, "NOROS1002", `several system files in ${cwd}: ${found.join(", ")}`, {
      hint: `name the one to use, e.g. \`noros compile ${found[0]}\``,
    }),
  ]);
}
