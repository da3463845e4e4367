import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { DiagnosticsError } from "../compiler/diagnostics/diagnostic.js";
import { runCli, tempDir, writeSystem } from "./helpers/cli.js";
import { examples } from "./helpers/examples.js";

/** A public host (NOROS-EC2-007: its launch template assigns a public IP) at line 3; `server` is the line-4 expression the system lists. */
function publicHost(server: string, extra = ""): string {
  return writeSystem({
    "waivers.noros.ts": [
      'import { host, network, system, waive } from "noros";',
      'const net = network("net", { cidr: "10.0.0.0/16", publicSubnets: ["10.0.1.0/24"] });',
      'const web = host("web", { network: net, subnet: "public" });',
      `const server = ${server};`,
      extra,
      'export default system("waivers", { region: "eu-central-1", resources: [net, server], outputs: { id: web.instanceId } });',
      "",
    ].join("\n"),
  });
}

function problems(file: string): string[] {
  try {
    const compiled = compile({ file, cwd: path.dirname(file), targets: ["terraform"] });
    return compiled.diagnostics.map((d) => `${d.line}:${d.col} ${d.severity} ${d.code} ${d.message}`);
  } catch (error) {
    if (!(error instanceof DiagnosticsError)) throw error;
    return error.diagnostics.map((d) => `${d.line}:${d.col} ${d.severity} ${d.code} ${d.message}`);
  }
}

describe("waivers", () => {
  it("a violation by a DSL construct is reported at the construct's call, and compile writes nothing", async () => {
    const file = publicHost("web");
    expect(problems(file)).toEqual([expect.stringMatching(/^3:13 error NOROS5001 NOROS-EC2-007 .* host "web": aws_launch_template.web network interface assigns a public IP address/)]);
    const out = path.join(tempDir(), "out");
    const run = await runCli(["compile", file, "-o", out], path.dirname(file));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("waivers.noros.ts:3:13 error NOROS5001 NOROS-EC2-007");
    expect(run.stderr).toContain('waive(host(...), "NOROS-EC2-007", "<why>")');
    expect(existsSync(out)).toBe(false);
  });

  it("waive() keeps the construct (its references, its one identity) and lifts exactly that rule", async () => {
    // `web` itself is still referred to by the outputs: the waived value and the original are one host.
    const file = publicHost('waive(web, "NOROS-EC2-007", "players connect directly")');
    expect(problems(file)).toEqual([]);
    const check = await runCli(["check", file], path.dirname(file));
    expect(check.code).toBe(0);
    expect(check.stdout).toContain("security policy met with 1 waiver");
    expect(check.stdout).toMatch(/waiver NOROS-EC2-007 on host web at waivers\.noros\.ts:4:16: aws_launch_template\.web \(players connect directly\)/);
    const json = JSON.parse((await runCli(["check", file, "--json"], path.dirname(file))).stdout) as { waivers: unknown[] };
    expect(json.waivers).toEqual([{ rule: "NOROS-EC2-007", construct: "host web", at: "waivers.noros.ts:4:16", reason: "players connect directly", covers: ["aws_launch_template.web"] }]);
  });

  it("chained waivers are each listed at their own call", () => {
    const file = publicHost('waive(waive(web, "NOROS-EC2-007", "players"), "NOROS-SG-001", "not even open")');
    expect(problems(file)).toEqual(['4:16 warning NOROS5004 waiver of NOROS-SG-001 on host "web" waives nothing: no block of it violates the rule']);
  });

  it("an unknown rule is an error at the waiver, with the id it was probably meant to be", () => {
    const file = publicHost('waive(web, "NOROS-EC2-07", "players")');
    const found = problems(file);
    expect(found).toContain('4:16 error NOROS5002 waiver on host "web" names the unknown rule "NOROS-EC2-07"');
    expect(found.some((p) => p.includes("NOROS5001"))).toBe(true);
  });

  it("a waiver without a reason is an error and waives nothing", () => {
    const found = problems(publicHost('waive(web, "NOROS-EC2-007", "  ")'));
    expect(found).toContain('4:16 error NOROS5003 waiver on host "web" for NOROS-EC2-007 gives no reason');
    expect(found.some((p) => p.startsWith("3:13 error NOROS5001"))).toBe(true);
  });

  it("waive() of something that is not a construct fails where it is called", () => {
    const file = writeSystem({
      "bad.noros.ts": ['import { system, waive } from "noros";', 'const odd = waive({ $noros: "construct", kind: "bucket", name: "x", props: {} } as never, "NOROS-S3-001", "r");', 'export default system("bad", { region: "eu-central-1", resources: [odd] });', ""].join("\n"),
    });
    // A forged construct is still just data: it reaches the schema check as a bucket and is judged there.
    expect(problems(file).every((p) => !p.includes("NOROS1010"))).toBe(true);
    const notConstruct = writeSystem({
      "bad.noros.ts": ['import { system, waive } from "noros";', 'const odd = waive("site" as never, "NOROS-S3-001", "r");', 'export default system("bad", { region: "eu-central-1", resources: [] , outputs: { x: String(odd) } });', ""].join("\n"),
    });
    expect(problems(notConstruct)).toEqual([expect.stringMatching(/^2:\d+ error NOROS1010 evaluation failed: waive\(\) takes a construct/)]);
  });

  it("raw.terraform content is checked too, and waivable like any construct", () => {
    const raw = (wrap: (hatch: string) => string) =>
      writeSystem({
        "raw.noros.ts": [
          'import { raw, system, waive } from "noros";',
          `const legacy = ${wrap('raw.terraform("legacy", {\n  reason: "imported volume",\n  resource: { aws_ebs_volume: { data: { availability_zone: "eu-central-1a", size: 10 } } },\n})')};`,
          'export default system("raw", { region: "eu-central-1", resources: [legacy] });',
          "",
        ].join("\n"),
      });
    expect(problems(raw((h) => h))).toEqual([expect.stringMatching(/^4:33 error NOROS5001 NOROS-EBS-001 .*raw-terraform "legacy": aws_ebs_volume.data is not encrypted/)]);
    expect(problems(raw((h) => `waive(${h}, "NOROS-EBS-001", "restored from an unencrypted snapshot")`))).toEqual([]);
  });
});

describe("examples", () => {
  it.each(examples().map((e) => [e.name, e.file] as const))("%s meets the security policy, every waiver with a reason", (_name, file) => {
    const compiled = compile({ file, cwd: path.dirname(file), targets: ["terraform"] });
    expect(compiled.diagnostics.filter((d) => d.code.startsWith("NOROS5"))).toEqual([]);
    for (const waiver of compiled.policy.waivers) {
      expect(waiver.reason.length).toBeGreaterThan(10);
      expect(waiver.covers.length).toBeGreaterThan(0);
    }
  });
});
