import { readFileSync } from "node:fs";
import { diagnostic, sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { evaluate, type AuthorModule, type EvaluatedNode, DEFAULT_TIMEOUT_MS } from "./evaluate.js";
import { checkPurity, supersededTypeErrors } from "./purity.js";
import { typecheck } from "./typecheck.js";

export interface SourceFileRecord {
  readonly file: string;
  readonly text: string;
}

export type Loaded =
  | {
      readonly ok: true;
      readonly system: EvaluatedNode;
      readonly constructs: readonly EvaluatedNode[];
      readonly sources: readonly SourceFileRecord[];
      readonly diagnostics: readonly Diagnostic[];
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[]; readonly sources: readonly SourceFileRecord[] };

export interface LoadOptions {
  readonly timeoutMs?: number;
  /** Called when a phase ends, for the benchmark's breakdown. */
  readonly onPhase?: (phase: "typecheck" | "evaluate", ms: number) => void;
}

/**
 * From a file name to the value tree: type-check every file, reject impurity, and only then evaluate.
 * Nothing of the author's runs unless the whole program is well typed and pure.
 */
export function load(entry: string, options: LoadOptions = {}): Loaded {
  let started = performance.now();
  const program = typecheck(entry);
  const sources = program.authorFiles.map((f) => ({ file: f.file, text: f.text }));

  const purity = program.authorFiles.flatMap((f) => checkPurity(f.sourceFile, program.checker));
  const purityAt = new Set(purity.map((d) => `${d.file}:${d.line}:${d.col}`));
  const typeErrors = program.typeErrors
    .filter((t) => !(supersededTypeErrors.has(t.tsCode) && purityAt.has(`${t.diagnostic.file}:${t.diagnostic.line}:${t.diagnostic.col}`)))
    .map((t) => t.diagnostic);
  options.onPhase?.("typecheck", performance.now() - started);
  const before = sortDiagnostics([...typeErrors, ...purity]);
  if (before.some((d) => d.severity === "error")) return { ok: false, diagnostics: before, sources };

  started = performance.now();
  const modules: AuthorModule[] = program.authorFiles.map((f) => ({ file: f.file, source: readFileSync(f.file, "utf8"), imports: f.imports }));
  const evaluation = evaluate(modules, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  options.onPhase?.("evaluate", performance.now() - started);

  const fallback = { file: entry, line: 1, col: 1 };
  const problems = evaluation.problems.map((p) => diagnostic(p.pos ?? fallback, p.code, p.message));
  if (!evaluation.ok) return { ok: false, diagnostics: sortDiagnostics(problems), sources };
  return { ok: true, system: evaluation.system, constructs: evaluation.constructs, sources, diagnostics: sortDiagnostics(problems) };
}
