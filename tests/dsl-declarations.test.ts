import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Project } from "ts-morph";
import { describe, expect, it } from "vitest";
import { dslDeclarations } from "../compiler/load/dsl-declarations.js";
import { typecheck } from "../compiler/load/typecheck.js";
import { repoRoot, tempDir, writeSystem } from "./helpers/cli.js";

const declarations = dslDeclarations(repoRoot);
const dir = tempDir("noros-dsl-types-");
for (const [relative, text] of declarations) {
  mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
  writeFileSync(path.join(dir, relative), text);
}
const prebuilt = path.join(dir, "index.d.ts");
const sources = path.join(repoRoot, "dsl", "index.ts");

// Where and what, plus the message's first sentence: deeper lines may name a type by its alias
// (GroupInput) where the sources spell it out (Record<string, never>).
const errors = (entry: string, dsl: string) =>
  typecheck(entry, dsl).typeErrors.map((t) => `${t.diagnostic.line}:${t.diagnostic.col} TS${t.tsCode} ${t.diagnostic.message.split("   ")[0]}`);

describe("pre-built DSL declarations", () => {
  it("are complete, self-contained and free of zod", () => {
    for (const [relative, text] of declarations) expect(text, relative).not.toMatch(/from "zod|import\("zod/);
    const project = new Project({ compilerOptions: { strict: true, noEmit: true, lib: ["lib.es2022.d.ts"], types: [] }, skipAddingFilesFromTsConfig: true });
    project.addSourceFileAtPath(prebuilt);
    project.resolveSourceFileDependencies();
    expect(project.getPreEmitDiagnostics().map((d) => d.getMessageText())).toEqual([]);
    const exported = (file: string) => [...new Project({ skipAddingFilesFromTsConfig: true }).addSourceFileAtPath(file).getExportedDeclarations().keys()].sort();
    expect(exported(prebuilt)).toEqual(exported(sources));
  });

  it("give an author the same type errors as the DSL's sources", () => {
    const entry = writeSystem({
      "typed.noros.ts": [
        'import { bucket, host, network, system } from "noros";',
        'const main = network("main", { cidr: "10.0.0.0/16", privateSubnets: ["10.0.1.0/24"] });',
        'const site = bucket("site", { versioning: "yes", readers: [main] });',
        'const web = host("web", { network: main, ingress: [{ port: "443", from: "10.0.0.0/8" }] });',
        'export default system("typed", { region: "eu-central-1", resources: [site, web] });',
      ].join("\n"),
    });
    const fromSources = errors(entry, sources);
    expect(fromSources).toHaveLength(3);
    expect(errors(entry, prebuilt)).toEqual(fromSources);
  });
});
