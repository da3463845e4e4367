import { describe, expect, it } from "vitest";
import { compileModules, expectGolden, expectParses, modulePart, securityRules } from "./helpers/nix-modules.js";

describe("postgresql module", () => {
  const host = compileModules(["postgresql"], `postgresql({ version: 16, databases: ["app", "reports"] })`);

  it("creates each database with an owner role, SCRAM over TCP from the network, peer locally", () => {
    const part = modulePart(host.configuration, "PostgreSQL");
    expectGolden("postgresql", part);
    expect(part).toContain("services.postgresql.package = pkgs.postgresql_16;");
    expect(part).toContain('services.postgresql.ensureDatabases = [ "app" "reports" ];');
    expect(part).toContain("host all all 10.0.0.0/16 scram-sha-256");
    expect(part).not.toMatch(/password\s*=/);
    expectParses(host.configuration);
  });

  it("admits 5432 from the VPC only", () => {
    expect(securityRules(host.terraform)).toEqual(["in tcp 5432-5432 10.0.0.0/16", "out tcp 443-443 0.0.0.0/0"]);
  });
});
