import { describe, expect, it } from "vitest";
import { compileModules, expectGolden, expectParses, modulePart, moduleDiagnostics, securityRules } from "./helpers/nix-modules.js";

describe("containers module (Docker + virtualisation.oci-containers)", () => {
  const host = compileModules(
    ["containers"],
    `containers({ containers: [
      { name: "consul", image: "hashicorp/consul:1.20.1", cmd: ["agent", "-server", "-bootstrap-expect=1"], hostNetwork: true, volumes: ["consul-data:/consul/data"], ports: [{ port: 8500 }] },
      { name: "web", image: "nginx:1.27.3", environment: { MODE: "prod" }, ports: [{ port: 8080 }, { port: 5353, protocol: "udp" }] },
    ] })`,
  );

  it("runs each container as a systemd service through Docker", () => {
    const part = modulePart(host.configuration, "Docker and OCI containers");
    expectGolden("containers", part);
    expect(part).toContain('virtualisation.oci-containers.backend = "docker";');
    expect(part).toContain('cmd = [ "agent" "-server" "-bootstrap-expect=1" ];');
    expect(part).toContain('extraOptions = [ "--network=host" ];');
    expect(part).toContain('ports = [ "8080:8080" "5353:5353/udp" ];');
    expectParses(host.configuration);
  });

  it("opens the published ports in the firewall and the security group", () => {
    expect(securityRules(host.terraform)).toEqual(["in tcp 8080-8080 10.0.0.0/16", "in tcp 8500-8500 10.0.0.0/16", "in udp 5353-5353 10.0.0.0/16", "out tcp 443-443 0.0.0.0/0"]);
  });

  it("refuses an image without a tag", () => {
    expect(moduleDiagnostics(["containers"], `containers({ containers: [{ name: "c", image: "hashicorp/consul" }] })`)[0]?.code).toBe("NOROS2266");
  });
});
