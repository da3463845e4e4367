import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli, tempDir, writeSystem } from "./helpers/cli.js";

const example = path.join(repoRoot, "examples", "bucket-host");

function copyOfExample(): string {
  const dir = path.join(tempDir(), "bucket-host");
  cpSync(example, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}out`) });
  return dir;
}

describe("noros CLI", () => {
  it("compiles the single system file of the current directory", async () => {
    const dir = copyOfExample();
    const run = await runCli(["compile"], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("compiled bucket-host");
    expect(existsSync(path.join(dir, "out", "terraform", "main.tf.json"))).toBe(true);
    expect(existsSync(path.join(dir, "out", "manifest.json"))).toBe(true);
  });

  it("writes .tf files instead of main.tf.json with --hcl, and switching back is not served from the cache", async () => {
    const dir = copyOfExample();
    const hcl = await runCli(["compile", "--hcl", "--json"], dir);
    expect(hcl.code, hcl.stderr).toBe(0);
    const terraformFiles = (JSON.parse(hcl.stdout) as { artefacts: Array<{ path: string }> }).artefacts.map((a) => a.path).filter((p) => p.startsWith("terraform/"));
    expect(terraformFiles).toEqual(["terraform/compute.tf", "terraform/containers.tf", "terraform/data.tf", "terraform/iam.tf", "terraform/network.tf", "terraform/operations.tf", "terraform/outputs.tf", "terraform/providers.tf", "terraform/storage.tf", "terraform/variables.tf"]);
    expect(existsSync(path.join(dir, "out", "terraform", "main.tf.json"))).toBe(false);
    expect(readFileSync(path.join(dir, "out", "terraform", "providers.tf"), "utf8")).toContain('terraform {\n  required_version = ">= 1.10"\n');

    const json = await runCli(["compile"], dir);
    expect(json.code, json.stderr).toBe(0);
    expect(json.stdout).not.toContain("from cache");
    expect(existsSync(path.join(dir, "out", "terraform", "main.tf.json"))).toBe(true);
    expect(existsSync(path.join(dir, "out", "terraform", "providers.tf"))).toBe(false);
  });

  it("refuses a directory with two system files, naming both", async () => {
    const dir = copyOfExample();
    writeFileSync(path.join(dir, "second.noros.ts"), "");
    const run = await runCli(["compile"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("NOROS1002");
    expect(run.stderr).toContain("bucket-host.noros.ts, second.noros.ts");
    expect(existsSync(path.join(dir, "out"))).toBe(false);
  });

  it.each([
    ["Date.now()", "const t = Date.now();", 1, 11],
    ["process.env", "const t = process.env.HOME;", 1, 11],
    ["import fs", 'import fs from "fs"; const t = fs;', 1, 16],
  ])("rejects %s with file:line:col and writes nothing", async (_label, line, row, col) => {
    const file = writeSystem({ "impure.noros.ts": `${line}\nimport { system } from "noros";\nexport default system("x", { region: "eu-west-1", resources: [], outputs: { t: String(t) } });\n` });
    const out = path.join(path.dirname(file), "out");
    const run = await runCli(["compile", file, "-o", out], path.dirname(file));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^impure\\.noros\\.ts:${row}:${col} error NOROS110\\d `, "m"));
    expect(existsSync(out)).toBe(false);
  });

  it("reports every error of a file at once, sorted by position", async () => {
    const file = writeSystem({
      "many.noros.ts": 'import { bucket, system } from "noros";\nconst a = bucket("a", { bucketName: "Bad_Name" });\nconst b = bucket("B");\nexport default system("many", { region: "nowhere", resources: [a, b] });\n',
    });
    const run = await runCli(["check", file], path.dirname(file));
    expect(run.code).toBe(1);
    const lines = run.stderr.split("\n").filter((l) => l.includes(" error "));
    expect(lines.map((l) => l.split(" ")[2])).toEqual(["NOROS2003", "NOROS2002", "NOROS2011"]);
    expect(run.stderr).toContain("3 errors");
  });

  it("prints diagnostics as JSON with --json", async () => {
    const file = writeSystem({ "j.noros.ts": 'import { system } from "noros";\nexport default system("j", { region: "moon-1", resources: [] });\n' });
    const run = await runCli(["check", file, "--json"], path.dirname(file));
    expect(run.code).toBe(1);
    const parsed = JSON.parse(run.stdout) as { ok: boolean; diagnostics: Array<{ file: string; line: number; col: number; code: string }> };
    expect(parsed.ok).toBe(false);
    expect(parsed.diagnostics).toEqual([expect.objectContaining({ file: "j.noros.ts", line: 2, code: "NOROS2011" })]);
  });

  it("check lists the derived grants and writes nothing", async () => {
    const dir = copyOfExample();
    const run = await runCli(["check"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("grant host reader: s3:GetObject");
    expect(run.stdout).toContain("grant group uploaders: s3:PutObject");
    expect(existsSync(path.join(dir, "out"))).toBe(false);
  });

  it("has --help with examples and --version", async () => {
    expect(await (await runCli(["--version"], repoRoot)).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = await runCli(["compile", "--help"], repoRoot);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Examples:");
    expect(help.stdout).toContain("--target <list>");
  });

  it("exits 1 on an unknown command or option", async () => {
    expect((await runCli(["deploy"], repoRoot)).code).toBe(1);
    expect((await runCli(["compile", "--frobnicate"], repoRoot)).code).toBe(1);
  });
});

describe("noros graph", () => {
  it("draws mermaid with every construct, permission and flow", async () => {
    const run = await runCli(["graph"], copyOfExample());
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith("flowchart LR\n")).toBe(true);
    for (const name of ["network main", "bucket texts", "host reader", "group uploaders", "user uploader", "topic alerts"]) {
      expect(run.stdout).toContain(`["${name}"]`);
    }
    expect(run.stdout).toMatch(/-\.->\|"s3:GetObject, s3:ListBucket"\|/);
  });

  it("renders a valid SVG naming every construct", async () => {
    const dir = copyOfExample();
    const run = await runCli(["graph", "--format", "svg", "--output", "g.svg"], dir);
    expect(run.code).toBe(0);
    const svg = readFileSync(path.join(dir, "g.svg"), "utf8");
    expect(svg).toMatch(/^<\?xml[^>]*>\s*<!DOCTYPE svg/);
    expect(svg).toContain("</svg>");
    for (const name of ["texts", "reader", "uploaders", "uploader", "alerts", "main"]) expect(svg).toContain(name);
  });
});

describe("colour", () => {
  it("colours the severity only when the Io asks for it", async () => {
    const { printDiagnostics } = await import("../compiler/cli/output.js");
    const d = { file: "/x/a.noros.ts", line: 1, col: 2, severity: "error", code: "NOROS2000", message: "m" } as const;
    let plain = "";
    printDiagnostics({ cwd: "/x", stdout: () => {}, stderr: (t) => (plain += t) }, [d]);
    expect(plain).toBe("a.noros.ts:1:2 error NOROS2000 m\n1 error\n");
    let coloured = "";
    printDiagnostics({ cwd: "/x", stdout: () => {}, stderr: (t) => (coloured += t), color: true }, [d]);
    expect(coloured).toContain("\u001b[31merror\u001b[39m NOROS2000 m");
  });
});
