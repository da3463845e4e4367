import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { compile } from "../../compiler/compile.js";
import { DiagnosticsError } from "../../compiler/diagnostics/diagnostic.js";
import { repoRoot, writeSystem } from "./cli.js";

export type Block = Record<string, unknown>;
export interface Doc {
  terraform: { required_providers: Record<string, { source: string; version: string }> };
  provider: Record<string, Block>;
  variable: Record<string, Block>;
  data: Record<string, Record<string, Block>>;
  resource: Record<string, Record<string, Block>>;
  output: Record<string, { value: string }>;
}

export const webCluster = path.join(repoRoot, "examples", "web-cluster", "web-cluster.noros.ts");

export function terraformOf(file: string): Doc {
  const compiled = compile({ file, cwd: path.dirname(file), targets: ["terraform"] });
  return JSON.parse(String(compiled.artefacts.find((a) => a.path === "terraform/main.tf.json")?.contents)) as Doc;
}

/** A helm release's values, parsed (they are one JSON document). */
export function valuesOf(doc: Doc, release: string): Record<string, any> {
  const body = doc.resource.helm_release?.[release] as { values: string[] } | undefined;
  if (!body) throw new Error(`no helm_release.${release}`);
  return JSON.parse(body.values[0] as string) as Record<string, any>;
}

/** The IAM statements of a policy document data source. */
export function statementsOf(doc: Doc, name: string): Array<{ sid: string; actions: string[]; resources?: string[]; condition?: Array<{ test: string; variable: string; values: string[] }> }> {
  return ((doc.data.aws_iam_policy_document?.[name] as { statement?: unknown[] } | undefined)?.statement ?? []) as never;
}

/**
 * A small system with a cluster, for tests that change one thing: `cluster` and `service` are the
 * bodies of the cluster's and the service's properties (TypeScript object literal text).
 */
export function clusterSystem(parts: { cluster?: string; service?: string; extra?: string; resources?: string; imports?: string } = {}): string {
  const source = [
    `import { chart, cluster, network, service, system, topic${parts.imports ? `, ${parts.imports}` : ""} } from "noros";`,
    'const net = network("main", { cidr: "10.0.0.0/16", availabilityZones: 2, publicSubnets: ["10.0.0.0/24", "10.0.1.0/24"], privateSubnets: ["10.0.10.0/24", "10.0.11.0/24"], natGateway: true });',
    'const alerts = topic("alerts", { emails: ["ops@example.com"] });',
    `const k8s = cluster("k8s", { network: net, ${parts.cluster ?? 'nodeGroups: { core: { min: 1, max: 2, taints: [{ key: "dedicated", value: "core", effect: "NoSchedule" }] }, main: { min: 1, max: 3 } }, ingress: { nodeGroup: "core" }, monitoring: { nodeGroup: "core", alerts }'} });`,
    `const web = service("web", { source: "./app", runtime: "static", port: 8080, healthCheck: { path: "/health" }, run: { on: "eks", cluster: k8s, ${parts.service ?? 'nodeGroup: "main"'} } });`,
    parts.extra ?? "",
    `export default system("k", { region: "eu-central-1", resources: [net, alerts, k8s, web${parts.resources ? `, ${parts.resources}` : ""}] });`,
  ].join("\n");
  const file = writeSystem({ "k.noros.ts": source });
  // The static runtime serves the health check path from the app's directory.
  mkdirSync(path.join(path.dirname(file), "app"));
  writeFileSync(path.join(path.dirname(file), "app", "health"), "ok\n");
  return file;
}

/** "line:col" of the first `needle` on 1-based `line` of `file`: where a diagnostic about it must point. */
export function positionIn(file: string, line: number, needle: string): string {
  const text = readFileSync(file, "utf8").split("\n")[line - 1] ?? "";
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" is not on line ${line}: ${text}`);
  return `${line}:${index + 1}`;
}

/** The diagnostics of compiling `file`, as "CODE line:col". */
export function diagnosticsOf(file: string): string[] {
  try {
    compile({ file, cwd: path.dirname(file), targets: ["terraform"] });
  } catch (error) {
    if (error instanceof DiagnosticsError) return error.diagnostics.map((d) => `${d.code} ${d.line}:${d.col}`);
    throw error;
  }
  return [];
}
