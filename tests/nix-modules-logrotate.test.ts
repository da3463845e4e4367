import { describe, expect, it } from "vitest";
import { compileModules, expectGolden, expectParses, modulePart } from "./helpers/nix-modules.js";

describe("logrotate module", () => {
  const host = compileModules(["logrotate"], `logrotate({ rules: [{ name: "game", files: ["/var/lib/game/logs/*.log"] }], journalDays: 1 })`);

  it("rotates daily, keeps one day, uncompressed, and holds the journal to one day", () => {
    const part = modulePart(host.configuration, "logrotate");
    expectGolden("logrotate", part);
    expect(part).toMatch(/frequency = "daily";\s+rotate = 1;\s+compress = false;/);
    expect(part).toContain('services.journald.extraConfig = "MaxRetentionSec=1day";');
    expectParses(host.configuration);
  });
});
