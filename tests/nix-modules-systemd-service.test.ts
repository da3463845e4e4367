import { describe, expect, it } from "vitest";
import { compileModules, expectGolden, expectParses, modulePart, moduleDiagnostics, securityRules } from "./helpers/nix-modules.js";

describe("systemdService module", () => {
  const host = compileModules(
    ["systemdService"],
    `systemdService({ name: "game", description: "The game", script: 'exec ./server --name "$NAME" \\'\\'\${HOME}\\n', packages: ["steam-run-free"], environment: { NAME: "x" }, ports: [{ port: 27015, protocol: "udp", from: "0.0.0.0/0" }, { port: 80 }] })`,
  );

  it("runs the script as its own system user in a hardened unit, the script escaped as Nix reads it", () => {
    const part = modulePart(host.configuration, "game");
    expectGolden("systemd-service", part);
    expect(part).toContain("users.users.game = {\n        isSystemUser = true;\n        group = \"game\";");
    expect(part).toContain('User = "game";');
    expect(part).toContain('ProtectSystem = "strict";');
    // The script's `''` and `${` stay literal text in the indented string: `'''` and `''${`.
    expect(part).toContain(`exec ./server --name "$NAME" '''''\${HOME}`);
    // Port 80 needs one capability, not root.
    expect(part).toContain('AmbientCapabilities = [ "CAP_NET_BIND_SERVICE" ];');
    expectParses(host.configuration);
  });

  it("brings its own security group rules", () => {
    expect(securityRules(host.terraform)).toEqual(["in tcp 80-80 10.0.0.0/16", "in udp 27015-27015 0.0.0.0/0", "out tcp 443-443 0.0.0.0/0"]);
    expect(Object.keys(host.terraform.resource.aws_vpc_security_group_ingress_rule ?? {}).sort()).toEqual(["web_game_in_tcp_80", "web_game_in_udp_27015"]);
  });

  it("refuses a package that is not an attribute name", () => {
    expect(moduleDiagnostics(["systemdService"], `systemdService({ name: "s", description: "d", script: "true", packages: ["pkgs.hello; rm -rf /"] })`)[0]?.code).toBe("NOROS2263");
  });
});
