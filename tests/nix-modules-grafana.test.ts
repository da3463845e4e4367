import { describe, expect, it } from "vitest";
import { compileModules, expectGolden, expectParses, modulePart, securityRules } from "./helpers/nix-modules.js";

describe("grafana module", () => {
  const host = compileModules(["grafana"], `grafana({ prometheusUrl: "http://10.0.1.5:9090" })`);

  it("provisions Prometheus as the default data source and keeps its secrets out of the configuration", () => {
    const part = modulePart(host.configuration, "Grafana");
    expectGolden("grafana", part);
    expect(part).toContain('url = "http://10.0.1.5:9090";');
    expect(part).toContain("isDefault = true;");
    expect(part).toContain('admin_password = "$__file{/var/lib/grafana/admin-password}";');
    expect(part).toContain("head -c 32 /dev/urandom | base64 > /var/lib/grafana/$secret");
    expectParses(host.configuration);
  });

  it("admits 3000 from the VPC and reaches a remote Prometheus", () => {
    expect(securityRules(host.terraform)).toEqual(["in tcp 3000-3000 10.0.0.0/16", "out tcp 443-443 0.0.0.0/0", "out tcp 9090-9090 10.0.0.0/16"]);
  });
});
