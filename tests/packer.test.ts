import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { DiagnosticsError } from "../compiler/diagnostics/diagnostic.js";
import { sha256 } from "../compiler/util/hash.js";
import { canonicalJson } from "../compiler/util/canonical-json.js";
import { writeSystem } from "./helpers/cli.js";

function system(hostProps: string) {
  const file = writeSystem({
    "s.noros.ts": `import { host, network, system } from "noros";
const net = network("net", { cidr: "10.0.0.0/16", privateSubnets: ["10.0.1.0/24"] });
const web = host("web", {
  network: net,
  ${hostProps}
});
export default system("baked", { region: "eu-west-1", resources: [web] });
`,
  });
  return compile({ file, cwd: path.dirname(file) });
}

describe("bake: true (Packer)", () => {
  const { artefacts } = system(`instanceType: "m7g.large", diskGb: 30, bake: true,`);
  const file = artefacts.find((a) => a.path === "packer/web.pkr.json");
  const configuration = String(artefacts.find((a) => a.path === "nix/web/configuration.nix")?.contents);

  it("writes packer/<host>.pkr.json through the canonical printer", () => {
    expect(file).toBeDefined();
    const template = JSON.parse(String(file?.contents)) as Record<string, unknown>;
    expect(String(file?.contents)).toBe(canonicalJson(template));
  });

  it("starts from the official NixOS AMI of the host's architecture and bakes exactly its configuration", () => {
    const template = JSON.parse(String(file?.contents)) as {
      source: { "amazon-ebs": { web: Record<string, any> } };
      build: { sources: string[]; provisioner: Array<Record<string, any>> };
      packer: { required_plugins: { amazon: { source: string } } };
    };
    const source = template.source["amazon-ebs"].web;
    expect(source.source_ami_filter).toEqual({ owners: ["427812963091"], most_recent: true, filters: { name: "nixos/25.05*", architecture: "arm64", "virtualization-type": "hvm" } });
    expect(source.tags["noros:configuration"]).toBe(sha256(configuration));
    expect(source.ami_name).toBe(`noros-baked-web-${sha256(configuration).slice(0, 16)}`);
    expect(template.build.sources).toEqual(["source.amazon-ebs.web"]);
    expect(template.build.provisioner[0]?.file).toEqual({ source: "${path.root}/../nix/web/configuration.nix", destination: "/etc/nixos/configuration.nix" });
    expect(template.build.provisioner[1]?.shell.inline).toContain("nixos-rebuild boot -I nixpkgs=https://github.com/NixOS/nixpkgs/archive/ac62194c3917d5f474c1a844b6fd6da2db95077d.tar.gz");
    expect(template.packer.required_plugins.amazon.source).toBe("github.com/hashicorp/amazon");
  });

  it("builds with the host's defaults: Session Manager instead of an open SSH port, IMDSv2, encrypted disk and image", () => {
    const source = (JSON.parse(String(file?.contents)) as { source: { "amazon-ebs": { web: Record<string, any> } } }).source["amazon-ebs"].web;
    expect(source.ssh_interface).toBe("session_manager");
    expect(source.associate_public_ip_address).toBe(false);
    expect(source.metadata_options.http_tokens).toBe("required");
    expect(source.encrypt_boot).toBe(true);
    expect(source.launch_block_device_mappings).toEqual([{ device_name: "/dev/xvda", volume_size: 30, volume_type: "gp3", encrypted: true, delete_on_termination: true }]);
    const actions = source.temporary_iam_instance_profile_policy_document.Statement.flatMap((s: { Action: string[] }) => s.Action);
    expect(actions.every((a: string) => a.startsWith("ssm:") || a.startsWith("ssmmessages:"))).toBe(true);
  });

  it("writes no template for hosts that do not ask for one", () => {
    expect(system("").artefacts.some((a) => a.path.startsWith("packer/"))).toBe(false);
  });

  it("refuses bake on a host that runs its own AMI, at the property", () => {
    try {
      system(`os: { ami: "ami-0123456789abcdef0" },\n  bake: true,`);
      throw new Error("expected NOROS3112");
    } catch (error) {
      if (!(error instanceof DiagnosticsError)) throw error;
      expect(error.diagnostics.map((d) => `${d.code} ${d.line}:${d.col}`)).toEqual(["NOROS3112 6:3"]);
    }
  });
});
