import path from "node:path";
import { lookup, store, type CachedCompile } from "../../cache/compile-cache.js";
import type { Phase } from "../../compile.js";
import { allTargets, type Target } from "../../target-names.js";
import { displayPath, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { writeOutput } from "../../emit/write-output.js";
import { findSystemFile } from "../../load/find-system-file.js";
import { sha256 } from "../../util/hash.js";
import { EXIT_OK } from "../exit-codes.js";
import { diagnosticsJson, printDiagnostics, type Io } from "../output.js";
import { createProgress, progressMode } from "../progress.js";

export interface CompileCommandOptions {
  readonly out: string;
  readonly target?: string;
  readonly json?: boolean;
  /** False with --no-cache. */
  readonly cache?: boolean;
  /** False with --no-test: services' test stages are left out of their Dockerfiles. */
  readonly test?: boolean;
  /** --progress: a line per finished phase on stderr, also when stderr is not a terminal. */
  readonly progress?: boolean;
  /** Terraform as `.tf` files instead of `main.tf.json`. */
  readonly hcl?: boolean;
}

export function parseTargets(value: string | undefined): Target[] {
  if (value === undefined) return [...allTargets];
  const targets = value.split(",").map((t) => t.trim()).filter(Boolean);
  for (const t of targets) {
    if (!(allTargets as readonly string[]).includes(t)) throw new Error(`unknown target "${t}": choose from ${allTargets.join(", ")}`);
  }
  return targets as Target[];
}

/**
 * Compiles and writes the output. An unchanged system (same sources, same compiler, same targets) is
 * served from the cache without loading the type-checker at all.
 */
export async function runCompile(file: string | undefined, options: CompileCommandOptions, io: Io): Promise<number> {
  const targets = parseTargets(options.target);
  const phases: Record<string, number> = {};
  const entry = findSystemFile(file, io.cwd);
  const progress = createProgress(io, progressMode(io, options.progress, options.json), `noros: ${displayPath(entry, io.cwd)}`);
  const onPhase = (phase: Phase, ms: number) => {
    phases[phase] = (phases[phase] ?? 0) + ms;
    progress.phase(phase, ms);
  };
  const skipTests = options.test === false;
  const hcl = options.hcl === true;
  // --no-test and --hcl give other output, so they are part of the cache key like the targets.
  const cacheKey = [...targets, ...(skipTests ? ["no-test"] : []), ...(hcl ? ["hcl"] : [])];
  let result: CachedCompile | undefined = options.cache === false ? undefined : lookup(entry, cacheKey);
  let diagnostics: readonly Diagnostic[] = [];
  const cached = result !== undefined;
  if (!result) {
    const { compile } = await import("../../compile.js");
    let compiled;
    try {
      compiled = compile({ file: entry, cwd: io.cwd, targets, onPhase, skipTests, hcl });
    } finally {
      progress.done();
    }
    diagnostics = compiled.diagnostics;
    result = { system: compiled.graph.system.name, constructs: compiled.graph.nodes.length, resources: compiled.resourceCount, artefacts: compiled.artefacts };
    if (options.cache !== false) store(entry, cacheKey, compiled.sources, result);
  }
  const outDir = path.resolve(io.cwd, options.out);
  const started = performance.now();
  writeOutput(outDir, result.artefacts);
  onPhase("emit", performance.now() - started);
  progress.done();
  // For `npm run bench`: the phase breakdown and peak memory of this very process.
  if (process.env.NOROS_PROFILE === "1") {
    const outputBytes = result.artefacts.reduce((sum, a) => sum + (typeof a.contents === "string" ? Buffer.byteLength(a.contents) : a.contents.byteLength), 0);
    io.stderr(`noros-profile ${JSON.stringify({ phases, cached, resources: result.resources, output_bytes: outputBytes, peak_rss_mb: process.resourceUsage().maxRSS / 1024 })}\n`);
  }
  if (options.json) {
    io.stdout(
      `${JSON.stringify({
        ok: true,
        system: result.system,
        out: displayPath(outDir, io.cwd) || ".",
        cached,
        resources: result.resources,
        artefacts: result.artefacts.map((a) => ({ path: a.path, sha256: sha256(a.contents) })),
        diagnostics: diagnosticsJson(diagnostics, io.cwd),
      }, null, 2)}\n`,
    );
    return EXIT_OK;
  }
  printDiagnostics(io, diagnostics);
  const shown = displayPath(outDir, io.cwd) || ".";
  io.stdout(`compiled ${result.system}: ${result.constructs} constructs, ${result.resources} Terraform resources${cached ? " (unchanged, from cache)" : ""}\n`);
  for (const a of result.artefacts) io.stdout(`  ${shown}/${a.path}\n`);
  return EXIT_OK;
}
