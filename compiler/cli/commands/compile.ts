import path from "node:path";
import { allTargets, compile, type Phase, type Target } from "../../compile.js";
import { displayPath } from "../../diagnostics/diagnostic.js";
import { writeOutput } from "../../emit/write-output.js";
import { sha256 } from "../../util/hash.js";
import { EXIT_OK } from "../exit-codes.js";
import { diagnosticsJson, printDiagnostics, type Io } from "../output.js";

export interface CompileCommandOptions {
  readonly out: string;
  readonly target?: string;
  readonly json?: boolean;
}

export function parseTargets(value: string | undefined): Target[] {
  if (value === undefined) return [...allTargets];
  const targets = value.split(",").map((t) => t.trim()).filter(Boolean);
  for (const t of targets) {
    if (!(allTargets as readonly string[]).includes(t)) throw new Error(`unknown target "${t}": choose from ${allTargets.join(", ")}`);
  }
  return targets as Target[];
}

export function runCompile(file: string | undefined, options: CompileCommandOptions, io: Io): number {
  const phases: Record<string, number> = {};
  const onPhase = (phase: Phase, ms: number) => (phases[phase] = (phases[phase] ?? 0) + ms);
  const compiled = compile({ file, cwd: io.cwd, targets: parseTargets(options.target), onPhase });
  const outDir = path.resolve(io.cwd, options.out);
  const started = performance.now();
  writeOutput(outDir, compiled.artefacts);
  onPhase("emit", performance.now() - started);
  // For `npm run bench`: the phase breakdown and peak memory of this very process.
  if (process.env.NOROS_PROFILE === "1") {
    const outputBytes = compiled.artefacts.reduce((sum, a) => sum + (typeof a.contents === "string" ? Buffer.byteLength(a.contents) : a.contents.byteLength), 0);
    io.stderr(`noros-profile ${JSON.stringify({ phases, resources: compiled.resourceCount, output_bytes: outputBytes, peak_rss_mb: process.resourceUsage().maxRSS / 1024 })}\n`);
  }
  if (options.json) {
    io.stdout(
      `${JSON.stringify({
        ok: true,
        system: compiled.graph.system.name,
        out: path.relative(io.cwd, outDir) || ".",
        resources: compiled.resourceCount,
        artefacts: compiled.artefacts.map((a) => ({ path: a.path, sha256: sha256(a.contents) })),
        diagnostics: diagnosticsJson(compiled.diagnostics, io.cwd),
      }, null, 2)}\n`,
    );
    return EXIT_OK;
  }
  printDiagnostics(io, compiled.diagnostics);
  const shown = displayPath(outDir, io.cwd) || ".";
  io.stdout(`compiled ${compiled.graph.system.name}: ${compiled.graph.nodes.length} constructs, ${compiled.resourceCount} Terraform resources\n`);
  for (const a of compiled.artefacts) io.stdout(`  ${shown}/${a.path}\n`);
  return EXIT_OK;
}
