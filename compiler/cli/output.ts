import { displayPath, formatDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";

/** Where the CLI writes; tests pass their own to capture it. */
export interface Io {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export const processIo = (): Io => ({
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});

export function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) io.stderr(`${formatDiagnostic(d, io.cwd)}\n`);
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  if (errors > 0) io.stderr(`${errors} error${errors === 1 ? "" : "s"}\n`);
}

/** Diagnostics as JSON: paths relative to the working directory, like the text form. */
export function diagnosticsJson(diagnostics: readonly Diagnostic[], cwd: string): unknown[] {
  return diagnostics.map((d) => ({ ...d, file: displayPath(d.file, cwd) || "." }));
}
