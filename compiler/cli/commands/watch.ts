import { watch, type FSWatcher } from "node:fs";
import path from "node:path";
import type { Artefact } from "../../artefact.js";
import { DiagnosticsError } from "../../diagnostics/diagnostic.js";
import { writeOutput } from "../../emit/write-output.js";
import { findSystemFile } from "../../load/find-system-file.js";
import type { Target } from "../../target-names.js";
import { sha256 } from "../../util/hash.js";
import { printDiagnostics, type Io } from "../output.js";

/** What changed between two outputs, in a line: "terraform/main.tf.json changed, nix/web/configuration.nix added". */
export function describeChanges(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string {
  const parts: string[] = [];
  for (const [file, hash] of after) {
    if (!before.has(file)) parts.push(`${file} added`);
    else if (before.get(file) !== hash) parts.push(`${file} changed`);
  }
  for (const file of before.keys()) if (!after.has(file)) parts.push(`${file} removed`);
  return parts.length > 0 ? parts.join(", ") : "no change";
}

const hashes = (artefacts: readonly Artefact[]) => new Map(artefacts.filter((a) => a.path !== "manifest.json").map((a) => [a.path, sha256(a.contents)]));

/**
 * `noros compile --watch`: compiles, then again whenever one of the system's source files changes,
 * printing the diagnostics or what changed in the output. Runs until interrupted.
 */
export async function runWatch(file: string | undefined, options: { out: string; targets: Target[]; skipTests?: boolean; hcl?: boolean }, io: Io, signal?: AbortSignal): Promise<number> {
  const { compile } = await import("../../compile.js");
  const entry = findSystemFile(file, io.cwd);
  const outDir = path.resolve(io.cwd, options.out);
  let previous = new Map<string, string>();
  const watchers = new Map<string, FSWatcher>();
  let wanted = new Set<string>();
  let timer: NodeJS.Timeout | undefined;

  const build = () => {
    let sources = [entry];
    try {
      const compiled = compile({ file: entry, cwd: io.cwd, targets: options.targets, skipTests: options.skipTests === true, hcl: options.hcl === true });
      sources = compiled.sources.map((s) => s.file);
      writeOutput(outDir, compiled.artefacts);
      const current = hashes(compiled.artefacts);
      io.stdout(`compiled ${compiled.graph.system.name}: ${describeChanges(previous, current)}\n`);
      previous = current;
    } catch (error) {
      if (!(error instanceof DiagnosticsError)) throw error;
      printDiagnostics(io, error.diagnostics);
    }
    // Watch the directories (editors replace files by renaming), filtered to the system's own files.
    // Watchers of directories still in use stay open, so a save made while this build ran is not lost.
    wanted = new Set(sources.map((s) => path.resolve(s)));
    const dirs = new Set([...wanted].map((f) => path.dirname(f)));
    for (const [dir, watcher] of watchers) {
      if (dirs.has(dir)) continue;
      watcher.close();
      watchers.delete(dir);
    }
    for (const dir of dirs) {
      if (watchers.has(dir)) continue;
      watchers.set(
        dir,
        watch(dir, (_event, name) => {
          if (!name || !wanted.has(path.join(dir, name.toString()))) return;
          clearTimeout(timer);
          timer = setTimeout(build, 100);
        }),
      );
    }
    io.stdout(`watching ${wanted.size} file${wanted.size === 1 ? "" : "s"} (Ctrl-C to stop)\n`);
  };

  build();
  await new Promise<void>((resolve) => {
    const stop = () => {
      clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      resolve();
    };
    signal?.addEventListener("abort", stop);
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  return 0;
}
