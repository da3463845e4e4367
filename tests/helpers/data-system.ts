import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { compile } from "../../compiler/compile.js";
import { DiagnosticsError } from "../../compiler/diagnostics/diagnostic.js";
import { tempDir } from "./cli.js";

export type Block = Record<string, unknown>;
export interface Doc {
  terraform: { required_providers: Record<string, { source: string; version: string }> };
  provider: Record<string, Block | Block[]>;
  variable: Record<string, Block>;
  locals: Record<string, unknown>;
  data: Record<string, Record<string, Block>>;
  resource: Record<string, Record<string, Block>>;
  output: Record<string, { value: string }>;
}
export interface Statement {
  sid: string;
  actions: string[];
  resources?: string[];
  principals?: Array<{ type: string; identifiers: string[] }>;
  condition?: Array<{ test: string; variable: string; values: string[] }>;
}

/** Writes `x.noros.ts` (importing everything it names from "noros") and a static app for services. */
export function dataSystem(body: string): string {
  const dir = tempDir("noros-data-");
  mkdirSync(path.join(dir, "app"));
  writeFileSync(path.join(dir, "app", "health"), "ok\n");
  const file = path.join(dir, "x.noros.ts");
  writeFileSync(file, `import { bucket, cache, database, group, host, kmsKey, lazy, network, secret, service, system, text, topic, user } from "noros";\n${body}\n`);
  return file;
}

/** The network every fixture uses: two private subnets, as RDS subnet groups need. */
export const NET = 'const main = network("main", { cidr: "10.40.0.0/16", publicSubnets: ["10.40.0.0/24"], privateSubnets: ["10.40.10.0/24", "10.40.11.0/24"], natGateway: true });';

export function compileData(body: string): { doc: Doc; files: Map<string, string> } {
  const file = dataSystem(body);
  const compiled = compile({ file, cwd: path.dirname(file) });
  const files = new Map(compiled.artefacts.map((a) => [a.path, typeof a.contents === "string" ? a.contents : Buffer.from(a.contents).toString("utf8")]));
  return { doc: JSON.parse(files.get("terraform/main.tf.json") as string) as Doc, files };
}

/** `CODE line:col message` of every diagnostic; line 1 is the import line, so the body starts at line 2. */
export function dataProblems(body: string): string[] {
  const file = dataSystem(body);
  try {
    compile({ file, cwd: path.dirname(file), targets: [] });
  } catch (error) {
    if (error instanceof DiagnosticsError) return error.diagnostics.map((d) => `${d.code} ${d.line}:${d.col} ${d.message}`);
    throw error;
  }
  return [];
}

export function statements(doc: Doc, name: string): Statement[] {
  return (doc.data.aws_iam_policy_document?.[name] as { statement: Statement[] } | undefined)?.statement ?? [];
}
