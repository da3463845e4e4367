import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { DiagnosticsError } from "../compiler/diagnostics/diagnostic.js";
import { DEFAULT_NIXPKGS } from "../dsl/schemas/system.js";
import { tempDir, writeSystem } from "./helpers/cli.js";
import { hasNix } from "./helpers/nix.js";

const rev = "0123456789abcdef0123456789abcdef01234567";

function compiled(nixpkgs: string) {
  const file = writeSystem({
    "s.noros.ts": `
import { host, network, system } from "noros";
const net = network("net", { cidr: "10.0.0.0/16", privateSubnets: ["10.0.1.0/24"] });
const web = host("web", { network: net });
const arm = host("arm", { network: net, instanceType: "t4g.small" });
export default system("pinned", { region: "eu-west-1", resources: [web, arm]${nixpkgs} });
`,
  });
  return compile({ file, cwd: path.dirname(file) });
}

function flakeOf(result: ReturnType<typeof compiled>): string {
  const flake = result.artefacts.find((a) => a.path === "nix/flake.nix");
  if (!flake || typeof flake.contents !== "string") throw new Error("no nix/flake.nix text");
  return flake.contents;
}

function applyScripts(result: ReturnType<typeof compiled>): string[] {
  const contents = result.artefacts.find((a) => a.path === "terraform/main.tf.json")?.contents;
  if (typeof contents !== "string") throw new Error("no terraform/main.tf.json text");
  const doc = JSON.parse(contents) as {
    resource: Record<string, Record<string, { content: string }>>;
  };
  // One document per system, run by every host's association.
  const document = doc.resource.aws_ssm_document?.noros_delivery;
  if (!document) return [];
  const { mainSteps } = JSON.parse(document.content) as { mainSteps: Array<{ inputs: { runCommand: string[] } }> };
  return Object.keys(doc.resource.aws_ssm_association ?? {}).map(() => mainSteps.map((step) => step.inputs.runCommand.join("\n")).join("\n"));
}

describe("nixpkgs pinned per system", () => {
  it("defaults to the recorded nixos-25.05 commit in flake.nix and in every host's switch", () => {
    const result = compiled("");
    expect(flakeOf(result)).toContain(`rev = "${DEFAULT_NIXPKGS.rev}";`);
    expect(flakeOf(result)).toContain(`narHash = "${DEFAULT_NIXPKGS.narHash}";`);
    const scripts = applyScripts(result);
    expect(scripts).toHaveLength(2);
    for (const script of scripts) expect(script).toContain(`nixos-rebuild switch -I nixpkgs=https://github.com/NixOS/nixpkgs/archive/${DEFAULT_NIXPKGS.rev}.tar.gz`);
  });

  it("uses the declared revision everywhere, and exposes each host with its architecture", () => {
    const result = compiled(`, nixpkgs: { rev: "${rev}" }`);
    const flake = flakeOf(result);
    expect(flake).toContain(`rev = "${rev}";`);
    expect(flake).not.toContain("narHash");
    expect(flake).toMatch(/web = nixpkgs\.lib\.nixosSystem \{\s*system = "x86_64-linux";\s*modules = \[ \.\/web\/configuration\.nix \];/);
    expect(flake).toMatch(/arm = nixpkgs\.lib\.nixosSystem \{\s*system = "aarch64-linux";/);
    for (const script of applyScripts(result)) {
      expect(script).toContain(`archive/${rev}.tar.gz`);
      expect(script).not.toContain(DEFAULT_NIXPKGS.rev);
    }
  });

  it("rejects a branch name instead of a commit with NOROS2250", () => {
    expect(() => compiled(`, nixpkgs: { rev: "nixos-25.05" }`)).toThrow(DiagnosticsError);
    try {
      compiled(`, nixpkgs: { rev: "nixos-25.05" }`);
    } catch (error) {
      expect((error as DiagnosticsError).diagnostics.map((d) => d.code)).toContain("NOROS2250");
    }
  });

  it.skipIf(!hasNix)("flake.nix parses with nix-instantiate", () => {
    const file = path.join(tempDir(), "flake.nix");
    writeFileSync(file, flakeOf(compiled("")));
    expect(() => execFileSync("nix-instantiate", ["--parse", file], { stdio: "pipe" })).not.toThrow();
  });
});
