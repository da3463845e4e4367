import path from "node:path";
import { compile } from "../../compiler/compile.js";
import { DiagnosticsError } from "../../compiler/diagnostics/diagnostic.js";
import { writeSystem } from "./cli.js";

export type Body = Record<string, unknown>;
export interface Doc {
  readonly resource: Record<string, Record<string, Body>>;
  readonly data: Record<string, Record<string, Body>>;
  readonly locals?: Record<string, string>;
  readonly output: Record<string, { value: string }>;
}

/** Compiles one system file (its lines joined) and returns its Terraform document. */
export function terraformOf(lines: readonly string[], extra: Readonly<Record<string, string>> = {}): Doc {
  const file = writeSystem({ "x.noros.ts": lines.join("\n"), ...extra });
  const result = compile({ file, cwd: path.dirname(file), targets: ["terraform"] });
  const main = result.artefacts.find((a) => a.path === "terraform/main.tf.json");
  if (!main) throw new Error("no terraform/main.tf.json");
  return JSON.parse(main.contents as string) as Doc;
}

/** The diagnostics compiling a system file gives, as "CODE line:col message". */
export function diagnosticsOf(lines: readonly string[]): string[] {
  const file = writeSystem({ "x.noros.ts": lines.join("\n") });
  try {
    compile({ file, cwd: path.dirname(file), targets: ["terraform"] });
  } catch (error) {
    if (error instanceof DiagnosticsError) return error.diagnostics.map((d) => `${d.code} ${d.line}:${d.col} ${d.message}`);
    throw error;
  }
  return [];
}
