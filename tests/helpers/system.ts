import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { compile } from "../../compiler/compile.js";
import { DiagnosticsError } from "../../compiler/diagnostics/diagnostic.js";
import type { Graph } from "../../compiler/graph.js";
import { writeSystem } from "./cli.js";

export type TerraformJson = {
  resource: Record<string, Record<string, Record<string, unknown>>>;
  data?: Record<string, Record<string, Record<string, unknown>>>;
  output: Record<string, { value: unknown }>;
  locals?: Record<string, unknown>;
};

/** Writes `source` as s.noros.ts (with a static ./app beside it for services). */
function write(source: string): string {
  const file = writeSystem({ "s.noros.ts": source });
  mkdirSync(path.join(path.dirname(file), "app"));
  writeFileSync(path.join(path.dirname(file), "app", "index.html"), "ok");
  return file;
}

/** Compiles a one-file system and returns its Terraform JSON and graph. */
export function compileSystem(source: string): { doc: TerraformJson; graph: Graph } {
  const file = write(source);
  const result = compile({ file, cwd: path.dirname(file), targets: ["terraform", "nix"] });
  const main = result.artefacts.find((a) => a.path === "terraform/main.tf.json");
  if (!main) throw new Error("no main.tf.json");
  return { doc: JSON.parse(typeof main.contents === "string" ? main.contents : Buffer.from(main.contents).toString("utf8")) as TerraformJson, graph: result.graph };
}

/** The diagnostics of a one-file system as "CODE line:col message". */
export function diagnosticsOf(source: string): string[] {
  const file = write(source);
  try {
    compile({ file, cwd: path.dirname(file), targets: [] });
  } catch (error) {
    if (error instanceof DiagnosticsError) return error.diagnostics.map((d) => `${d.code} ${d.line}:${d.col} ${d.message}`);
    throw error;
  }
  return [];
}
