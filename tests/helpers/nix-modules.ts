import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { compile } from "../../compiler/compile.js";
import { DiagnosticsError, type Diagnostic } from "../../compiler/diagnostics/diagnostic.js";
import { repoRoot, tempDir, writeSystem } from "./cli.js";
import { hasNix } from "./nix.js";

export type TerraformDoc = {
  resource: Record<string, Record<string, Record<string, unknown>>>;
  data: Record<string, Record<string, Record<string, unknown>>>;
};

export interface CompiledModuleHost {
  /** The host's whole configuration.nix. */
  readonly configuration: string;
  readonly terraform: TerraformDoc;
}

/**
 * Compiles a system whose one host "web" (network 10.0.0.0/16) runs the given modules: `modules` is
 * TypeScript source of the array's items, `declarations` any constants they use (imports come from
 * "noros" by the names listed).
 */
export function compileModules(names: readonly string[], modules: string, options: { declarations?: string; instanceType?: string } = {}): CompiledModuleHost {
  const file = writeSystem({
    "s.noros.ts": `
import { host, network, system, ${[...new Set(names)].join(", ")} } from "noros";
const net = network("net", { cidr: "10.0.0.0/16", privateSubnets: ["10.0.1.0/24"] });
${options.declarations ?? ""}
const web = host("web", { network: net, instanceType: ${JSON.stringify(options.instanceType ?? "t3.small")}, modules: [${modules}] });
export default system("mods", { region: "eu-west-1", resources: [web] });
`,
  });
  const { graph, artefacts } = compile({ file, cwd: path.dirname(file) });
  const configuration = graph.hostConfigurations.get("web")?.configuration;
  if (configuration === undefined) throw new Error("web has no configuration");
  const main = artefacts.find((a) => a.path === "terraform/main.tf.json");
  return { configuration, terraform: JSON.parse(String(main?.contents)) as TerraformDoc };
}

/** The diagnostics compiling such a system reports (it must fail). */
export function moduleDiagnostics(names: readonly string[], modules: string, declarations = ""): Diagnostic[] {
  try {
    compileModules(names, modules, { declarations });
  } catch (error) {
    if (error instanceof DiagnosticsError) return [...error.diagnostics];
    throw error;
  }
  throw new Error("expected the system to be refused");
}

/** One module's own part of a configuration: from its `# noros module: <title>` comment to its closing brace. */
export function modulePart(configuration: string, title: string): string {
  const lines = configuration.split("\n");
  const start = lines.findIndex((l) => l.trim().startsWith(`# noros module: ${title}`));
  if (start === -1) throw new Error(`no module part "${title}" in:\n${configuration}`);
  const end = lines.findIndex((l, i) => i > start && l === "    }");
  return `${lines.slice(start, end + 1).join("\n")}\n`;
}

/** The configuration parses as Nix (when nix-instantiate is here; CI has it). */
export function expectParses(configuration: string): void {
  if (!hasNix) return;
  const file = path.join(tempDir(), "configuration.nix");
  writeFileSync(file, configuration);
  expect(() => execFileSync("nix-instantiate", ["--parse", file], { stdio: "pipe" })).not.toThrow();
}

/** Compares with tests/golden-nix-modules/<name>.nix; UPDATE_GOLDEN=1 rewrites it (review the diff). */
export function expectGolden(name: string, text: string): void {
  const file = path.join(repoRoot, "tests", "golden-nix-modules", `${name}.nix`);
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
  expect(text).toBe(readFileSync(file, "utf8"));
}

/** The security group rules of host "web" as `direction protocol from-to peer`, sorted. */
export function securityRules(doc: TerraformDoc): string[] {
  const rules = [
    ...Object.values(doc.resource.aws_vpc_security_group_ingress_rule ?? {}).map((r) => ["in", r]),
    ...Object.values(doc.resource.aws_vpc_security_group_egress_rule ?? {}).map((r) => ["out", r]),
  ] as Array<[string, Record<string, unknown>]>;
  return rules.map(([d, r]) => `${d} ${String(r.ip_protocol)} ${String(r.from_port)}-${String(r.to_port)} ${String(r.cidr_ipv4)}`).sort();
}
