import { describe, expect, it } from "vitest";
import { compileModules, expectGolden, expectParses, modulePart, securityRules } from "./helpers/nix-modules.js";

describe("dnsmasq module", () => {
  const host = compileModules(["dnsmasq"], `dnsmasq()`);

  it("forwards .consul to the local agent and everything else to the VPC resolver, on loopback only", () => {
    const part = modulePart(host.configuration, "dnsmasq");
    expectGolden("dnsmasq", part);
    expect(part).toContain('server = [ "/consul/127.0.0.1#8600" "169.254.169.253" ];');
    expect(part).toContain('listen-address = [ "127.0.0.1" ];');
    expectParses(host.configuration);
  });

  it("opens nothing", () => {
    expect(modulePart(host.configuration, "dnsmasq")).not.toContain("firewall");
    expect(securityRules(host.terraform)).toEqual(["out tcp 443-443 0.0.0.0/0"]);
  });
});
