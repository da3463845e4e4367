import { describe, expect, it } from "vitest";
import { compileModules, expectGolden, expectParses, modulePart, moduleDiagnostics, securityRules } from "./helpers/nix-modules.js";

describe("prometheus module", () => {
  const host = compileModules(
    ["prometheus"],
    `prometheus({ scrape: [
      { job: "consul", path: "/v1/agent/metrics", params: { format: "prometheus" }, port: 8500, consulServices: ["consul"] },
      { job: "nomad", path: "/v1/metrics", params: { format: "prometheus" }, port: 4646, consulServices: ["nomad", "nomad-client"] },
      { job: "envoy", port: 9102, sidecarProxies: true },
    ] })`,
  );

  it("finds Consul, Nomad and Envoy targets through Consul and scrapes them on their metrics ports", () => {
    const part = modulePart(host.configuration, "Prometheus");
    expectGolden("prometheus", part);
    expect(part).toContain('metrics_path = "/v1/agent/metrics";');
    expect(part).toContain('services = [ "nomad" "nomad-client" ];');
    expect(part).toContain('regex = ".+-sidecar-proxy";');
    // Prometheus's own ${1}, escaped so Nix does not read an interpolation.
    expect(part).toContain('replacement = "\\${1}:9102";');
    expectParses(host.configuration);
  });

  it("lets the scrapes out to the network on exactly those ports", () => {
    expect(securityRules(host.terraform)).toEqual(["in tcp 9090-9090 10.0.0.0/16", "out tcp 443-443 0.0.0.0/0", "out tcp 4646-4646 10.0.0.0/16", "out tcp 8500-8500 10.0.0.0/16", "out tcp 9102-9102 10.0.0.0/16"]);
  });

  it("refuses a job without targets", () => {
    expect(moduleDiagnostics(["prometheus"], `prometheus({ scrape: [{ job: "x", port: 1 }] })`)[0]?.code).toBe("NOROS2267");
  });
});
