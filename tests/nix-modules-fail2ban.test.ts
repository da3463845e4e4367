import { describe, expect, it } from "vitest";
import { compileModules, expectGolden, expectParses, modulePart, moduleDiagnostics } from "./helpers/nix-modules.js";

describe("fail2ban module", () => {
  const host = compileModules(["fail2ban"], `fail2ban({ jails: [{ name: "game-rcon", unit: "game", failRegex: ['rcon from "<HOST>:\\\\d+": bad password', "kick <HOST>"], port: 27015 }] })`);

  it("bans through a jail on the unit's journal, never the VPC, longer for repeat offenders", () => {
    const part = modulePart(host.configuration, "fail2ban");
    expectGolden("fail2ban", part);
    expect(part).toContain('services.fail2ban.ignoreIP = [ "10.0.0.0/16" ];');
    expect(part).toContain("services.fail2ban.bantime-increment.enable = true;");
    expect(part).toContain('journalmatch = "_SYSTEMD_UNIT=game.service";');
    // A second regex continues the ini value on an indented line.
    expect(part).toContain('failregex = "rcon from \\"<HOST>:\\\\d+\\": bad password\\n  kick <HOST>";');
    expectParses(host.configuration);
  });

  it("refuses a regex that captures no <HOST>", () => {
    expect(moduleDiagnostics(["fail2ban"], `fail2ban({ jails: [{ name: "j", unit: "u", failRegex: ["bad password"], port: 1 }] })`)[0]?.message).toContain("<HOST>");
  });
});
