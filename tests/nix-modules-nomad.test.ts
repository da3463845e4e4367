import { describe, expect, it } from "vitest";
import { compileModules, expectGolden, expectParses, modulePart, securityRules } from "./helpers/nix-modules.js";

describe("nomad module", () => {
  const join = `const join = { tagKey: "noros:cluster", tagValue: "demo" };`;

  it("a client finds the servers by EC2 tag, runs as root with the CNI plugins, uses the local Consul", () => {
    const host = compileModules(["nomad"], `nomad({ client: true, join })`, { declarations: join });
    const part = modulePart(host.configuration, "Nomad client");
    expectGolden("nomad-client", part);
    expect(part).toContain("services.nomad.dropPrivileges = false;");
    expect(part).toContain('cni_path = "${pkgs.cni-plugins}/bin";');
    expect(part).toContain('retry_join = [ "provider=aws tag_key=noros:cluster tag_value=demo" ];');
    expect(part).toContain('grpc_address = "127.0.0.1:8502";');
    expectParses(host.configuration);
    expect(securityRules(host.terraform)).toContain("in tcp 20000-32000 10.0.0.0/16");
    expect(securityRules(host.terraform)).toContain("out tcp 4647-4647 10.0.0.0/16");
    expect(securityRules(host.terraform)).not.toContain("in tcp 4647-4647 10.0.0.0/16");
  });

  it("a server drops privileges, needs no Docker, and accepts RPC and gossip from the VPC", () => {
    const host = compileModules(["nomad"], `nomad({ server: true, bootstrapExpect: 3, join })`, { declarations: join });
    const part = modulePart(host.configuration, "Nomad server");
    expectGolden("nomad-server", part);
    expect(part).toContain("services.nomad.dropPrivileges = true;");
    expect(part).toContain("services.nomad.enableDocker = false;");
    expect(part).toContain("bootstrap_expect = 3;");
    expect(securityRules(host.terraform)).toEqual(expect.arrayContaining(["in tcp 4647-4647 10.0.0.0/16", "in tcp 4648-4648 10.0.0.0/16", "in udp 4648-4648 10.0.0.0/16"]));
  });
});
