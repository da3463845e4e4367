import { describe, expect, it } from "vitest";
import { compileModules, expectGolden, expectParses, modulePart, moduleDiagnostics, securityRules } from "./helpers/nix-modules.js";

describe("consul module", () => {
  const host = compileModules(
    ["consul"],
    `consul({ server: true, bootstrapExpect: 3, join: { tagKey: "noros:cluster", tagValue: "demo" }, services: [{ name: "web", port: 8080, check: { http: "/health" }, connect: true }] })`,
  );

  it("joins by EC2 tag, serves Connect and telemetry, registers services with health checks and a sidecar", () => {
    const part = modulePart(host.configuration, "Consul server");
    expectGolden("consul", part);
    expect(part).toContain('retry_join = [ "provider=aws tag_key=noros:cluster tag_value=demo" ];');
    expect(part).toContain("bootstrap_expect = 3;");
    expect(part).toContain("connect = { enabled = true; };");
    expect(part).toContain('http = "http://127.0.0.1:8080/health";');
    expect(part).toContain("consul connect envoy -sidecar-for web");
    // BSL: nixpkgs marks consul unfree; it is accepted by name, nothing else.
    expect(host.configuration).toContain('nixpkgs.config.allowUnfreePredicate = pkg: builtins.elem (lib.getName pkg) [ "consul" ];');
    expectParses(host.configuration);
  });

  it("tags the instance for retry_join and lets its role list instances (and nothing else)", () => {
    expect(host.terraform.resource.aws_instance?.web?.tags).toEqual({ Name: "${var.name_prefix}-web", "noros:cluster": "demo" });
    const statements = (host.terraform.data.aws_iam_policy_document?.web_grants?.statement ?? []) as Array<{ actions: string[]; resources: string[] }>;
    expect(statements).toEqual([{ sid: "DiscoverClusterPeers", effect: "Allow", actions: ["ec2:DescribeInstances"], resources: ["*"] }]);
  });

  it("opens the agent's ports and the mesh's sidecar range to the VPC, in and out", () => {
    expect(securityRules(host.terraform)).toEqual([
      "in tcp 21000-21255 10.0.0.0/16",
      "in tcp 8300-8300 10.0.0.0/16",
      "in tcp 8301-8301 10.0.0.0/16",
      "in tcp 8500-8500 10.0.0.0/16",
      "in tcp 9102-9102 10.0.0.0/16",
      "in udp 8301-8301 10.0.0.0/16",
      "out tcp 21000-21255 10.0.0.0/16",
      "out tcp 443-443 0.0.0.0/0",
      "out tcp 8300-8300 10.0.0.0/16",
      "out tcp 8301-8301 10.0.0.0/16",
      "out udp 8301-8301 10.0.0.0/16",
    ]);
  });

  it("refuses Consul and Nomad joining by different values of one tag", () => {
    const [problem] = moduleDiagnostics(["consul", "nomad"], `consul({ join: { tagKey: "c", tagValue: "a" } }), nomad({ client: true, join: { tagKey: "c", tagValue: "b" } })`);
    expect(problem?.code).toBe("NOROS3111");
  });
});
