import { describe, expect, it } from "vitest";
import { compileModules, expectGolden, expectParses, modulePart, moduleDiagnostics, securityRules } from "./helpers/nix-modules.js";

describe("nginx module", () => {
  const host = compileModules(
    ["nginx"],
    `nginx({ virtualHosts: [{ serverName: "www.example.com", default: true, locations: [
      { path: "/", proxyPass: "http://127.0.0.1:8080", websockets: true },
      { path: "/assets/", root: "/var/www/assets", cache: { maxAge: "30d" } },
      { path: "/api/", proxyPass: "http://10.0.1.20:9000" },
    ] }] })`,
  );

  it("lowers virtual hosts, reverse proxy locations and static asset cache headers to services.nginx", () => {
    const part = modulePart(host.configuration, "nginx");
    expectGolden("nginx", part);
    expect(part).toContain('proxyPass = "http://127.0.0.1:8080";');
    expect(part).toContain("proxyWebsockets = true;");
    expect(part).toContain("expires 30d;");
    expect(part).toContain('add_header Cache-Control "public, max-age=2592000, immutable" always;');
    expectParses(host.configuration);
  });

  it("opens its port in the firewall and the security group (from the VPC), and lets the proxy reach a remote upstream", () => {
    expect(modulePart(host.configuration, "nginx")).toContain("networking.firewall.allowedTCPPorts = [ 80 ];");
    expect(securityRules(host.terraform)).toEqual(["in tcp 80-80 10.0.0.0/16", "out tcp 443-443 0.0.0.0/0", "out tcp 9000-9000 10.0.0.0/16"]);
  });

  it("refuses a cache duration nginx does not read, at its position", () => {
    const [problem] = moduleDiagnostics(["nginx"], `nginx({ virtualHosts: [{ serverName: "a.example.com", locations: [{ path: "/", root: "/srv", cache: { maxAge: "30 days" } }] }] })`);
    expect(problem?.code).toBe("NOROS2265");
    expect(problem?.line).toBe(5);
  });
});
