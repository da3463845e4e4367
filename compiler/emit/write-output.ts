import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import type { Artefact } from "../artefact.js";
import { DiagnosticsError, diagnostic } from "../diagnostics/diagnostic.js";
import { writeContents } from "../util/text-chunks.js";

export const MANIFEST = "manifest.json";

/**
 * Writes every artefact into a fresh directory beside `outDir`, then swaps it into place: readers see
 * the old output or the new one, never a mix, and a failure leaves the old output untouched.
 */
export function writeOutput(outDir: string, artefacts: readonly Artefact[]): void {
  const target = path.resolve(outDir);
  if (existsSync(target) && (!statSync(target).isDirectory() || !existsSync(path.join(target, MANIFEST)))) {
    throw new DiagnosticsError([
      diagnostic({ file: outDir, line: 0, col: 0 }, "NOROS1201", `${outDir} exists and is not a noros output directory; refusing to replace it`, {
        hint: "choose another directory with -o, or remove it",
      }),
    ]);
  }
  const parent = path.dirname(target);
  mkdirSync(parent, { recursive: true });
  const staging = mkdtempSync(path.join(parent, `.${path.basename(target)}.new-`));
  try {
    for (const artefact of artefacts) {
      const file = path.join(staging, artefact.path);
      if (!file.startsWith(staging + path.sep)) throw new Error(`internal: artefact path escapes the output: ${artefact.path}`);
      mkdirSync(path.dirname(file), { recursive: true });
      writeContents(file, artefact.contents, artefact.path.endsWith(".sh") ? 0o755 : 0o644);
    }
    if (existsSync(target)) {
      const previous = `${staging}.old`;
      renameSync(target, previous);
      renameSync(staging, target);
      rmSync(previous, { recursive: true, force: true });
    } else {
      renameSync(staging, target);
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}
