import { displayPath, formatDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";

/** Where the CLI writes; tests pass their own to capture it. */
export interface Io {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Colour diagnostics: only on a terminal, and never when NO_COLOR is set. */
  readonly color?: boolean;
  /** stderr is a terminal: progress may rewrite a status line in place. */
  readonly interactive?: boolean;
}

export const processIo = (): Io => ({
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  color: process.stderr.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== "dumb",
  interactive: process.stderr.isTTY === true && process.env.TERM !== "dumb" && !process.env.CI,
});

/** ANSI foreground colours; the decision to colour at all is made once, in processIo. */
const severityColour = { error: 31, warning: 33, info: 36 } as const;
const paint = (colour: number, text: string) => `\u001b[${colour}m${text}\u001b[39m`;

export function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    const line = formatDiagnostic(d, io.cwd);
    // Colour only the severity word, so the line stays greppable.
    io.stderr(`${io.color ? line.replace(` ${d.severity} ${d.code} `, ` ${paint(severityColour[d.severity], d.severity)} ${d.code} `) : line}\n`);
  }
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  if (errors > 0) io.stderr(`${errors} error${errors === 1 ? "" : "s"}\n`);
}

/** Diagnostics as JSON: paths relative to the working directory, like the text form. */
export function diagnosticsJson(diagnostics: readonly Diagnostic[], cwd: string): unknown[] {
  return diagnostics.map((d) => ({ ...d, file: displayPath(d.file, cwd) || "." }));
}
