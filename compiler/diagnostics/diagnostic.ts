import path from "node:path";

export type Severity = "error" | "warning" | "info";

/** A problem found in the author's system, always pointing at a place in a file when one is known. */
export interface Diagnostic {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
}

export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** Thrown to stop the pipeline with the diagnostics found so far; the CLI prints them and exits 1. */
export class DiagnosticsError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(`${diagnostics.length} problem(s) found`);
  }
}

export function diagnostic(
  at: SourcePosition,
  code: string,
  message: string,
  options: { severity?: Severity; hint?: string | undefined } = {},
): Diagnostic {
  return {
    file: at.file,
    line: at.line,
    col: at.col,
    severity: options.severity ?? "error",
    code,
    message,
    ...(options.hint === undefined ? {} : { hint: options.hint }),
  };
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.col - b.col ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

/** Sorted by position, without exact repeats (one mistake can be seen by two checks). */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return [...list].sort(compareDiagnostics).filter((d) => {
    const key = `${d.file}:${d.line}:${d.col}:${d.code}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function displayPath(file: string, cwd: string): string {
  if (!path.isAbsolute(file)) return file;
  const relative = path.relative(cwd, file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}

/**
 * `path:line:col error NOROS1234 message`, then an indented hint when there is one. Problems with a
 * directory rather than a place in a file (line 0) print as `path: error ...`.
 */
export function formatDiagnostic(d: Diagnostic, cwd: string): string {
  const where = d.line === 0 ? displayPath(d.file, cwd) || "." : `${displayPath(d.file, cwd)}:${d.line}:${d.col}`;
  const head = `${where}${d.line === 0 ? ":" : ""} ${d.severity} ${d.code} ${d.message}`;
  return d.hint ? `${head}\n  hint: ${d.hint}` : head;
}

export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === "error");
}
