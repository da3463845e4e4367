import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { repoRoot } from "./helpers/cli.js";
import { diagnosticsOf, terraformOf, type Doc } from "./helpers/compute.js";

const head = ['import { hostGroup, network, system } from "noros";', 'const net = network("net", { cidr: "10.0.0.0/16", privateSubnets: ["10.0.10.0/24", "10.0.11.0/24"] });'];
const system = 'export default system("x", { region: "eu-central-1", resources: [net, workers] });';
const groupWith = (extra: string) => [...head, `const workers = hostGroup("workers", { network: net, min: 2, max: 6${extra} });`, system];

const refreshOf = (doc: Doc) => doc.resource.aws_autoscaling_group?.workers?.instance_refresh;
const concurrencyOf = (doc: Doc) => doc.resource.aws_ssm_association?.workers_configuration?.max_concurrency;

describe("host group rolling updates", () => {
  it("by default keep nine in ten instances in service and warm each new one up for the grace period", () => {
    const doc = terraformOf(groupWith(""));
    expect(refreshOf(doc)).toEqual({ strategy: "Rolling", preferences: { min_healthy_percentage: 90, max_healthy_percentage: 100, instance_warmup: "300" } });
    // A new NixOS configuration is switched to on a tenth of the group at a time, not on all at once.
    expect(concurrencyOf(doc)).toBe("10%");
    expect(doc.resource.aws_ssm_association?.workers_configuration?.max_errors).toBe("0");
    // The refresh is triggered by the template's version: the group must name the latest one, not $Latest.
    expect(doc.resource.aws_autoscaling_group?.workers?.launch_template).toEqual({ id: "${aws_launch_template.workers.id}", version: "${aws_launch_template.workers.latest_version}" });
    // No auto_rollback: the provider would roll back to the version that failed.
    expect(JSON.stringify(refreshOf(doc))).not.toContain("auto_rollback");
  });

  it("lower the author's setting to the refresh preferences and the configuration's concurrency", () => {
    const doc = terraformOf(groupWith(", rollingUpdate: { minHealthyPercent: 50, maxHealthyPercent: 120, warmupS: 600 }"));
    expect(refreshOf(doc)).toEqual({ strategy: "Rolling", preferences: { min_healthy_percentage: 50, max_healthy_percentage: 120, instance_warmup: "600" } });
    expect(concurrencyOf(doc)).toBe("50%");
  });

  it("fill in what the author leaves out, and switch one instance at a time when all must stay in service", () => {
    const doc = terraformOf(groupWith(", rollingUpdate: { minHealthyPercent: 100, maxHealthyPercent: 200 }"));
    expect(refreshOf(doc)).toEqual({ strategy: "Rolling", preferences: { min_healthy_percentage: 100, max_healthy_percentage: 200, instance_warmup: "300" } });
    expect(concurrencyOf(doc)).toBe("1");
  });

  it("leave a single host's configuration association without a concurrency", () => {
    const doc = terraformOf(['import { host, network, system } from "noros";', head[1] as string, 'const workers = host("workers", { network: net });', system]);
    expect(doc.resource.aws_ssm_association?.workers_configuration).toBeDefined();
    expect(doc.resource.aws_ssm_association?.workers_configuration).not.toHaveProperty("max_concurrency");
  });

  it("refuse a range Auto Scaling rejects, or one that could never replace an instance, at maxHealthyPercent", () => {
    expect(diagnosticsOf(groupWith(", rollingUpdate: { minHealthyPercent: 40, maxHealthyPercent: 150 }"))).toEqual([
      'NOROS2049 3:110 host-group "workers": rollingUpdate.maxHealthyPercent: maxHealthyPercent (150) is more than 100 above minHealthyPercent (40): Auto Scaling allows a range of at most 100',
    ]);
    const stuck = diagnosticsOf(groupWith(", rollingUpdate: { minHealthyPercent: 100 }"));
    expect(stuck).toHaveLength(1);
    expect(stuck[0]).toMatch(/^NOROS2049 3:\d+ host-group "workers": rollingUpdate\.maxHealthyPercent: minHealthyPercent and maxHealthyPercent are both 100/);
  });

  it("refuse percentages and warm-ups out of range, and (as a type error) unknown settings", () => {
    const found = diagnosticsOf(groupWith(", rollingUpdate: { minHealthyPercent: 101, maxHealthyPercent: 99, warmupS: 3601 }"));
    expect(found.map((d) => d.split(" ")[0])).toEqual(["NOROS2000", "NOROS2000", "NOROS2000"]);
    expect(found.join("\n")).toMatch(/rollingUpdate\.minHealthyPercent/);
    expect(found.join("\n")).toMatch(/rollingUpdate\.maxHealthyPercent/);
    expect(found.join("\n")).toMatch(/rollingUpdate\.warmupS/);
    const unknown = diagnosticsOf(groupWith(", rollingUpdate: { maxParallel: 2 }"));
    expect(unknown.map((d) => d.split(" ")[0])).toEqual(["NOROS1005"]);
    expect(unknown[0]).toContain("maxParallel");
  });

  it("roll the sandbox platform's Nomad clients by launching replacements first, one configuration switch at a time", () => {
    const file = path.join(repoRoot, "examples", "sandbox-platform", "sandbox-platform.noros.ts");
    const result = compile({ file, cwd: path.dirname(file), targets: ["terraform"] });
    const doc = JSON.parse(result.artefacts.find((a) => a.path === "terraform/main.tf.json")?.contents as string) as Doc;
    expect(doc.resource.aws_autoscaling_group?.["nomad-clients"]?.instance_refresh).toEqual({
      strategy: "Rolling",
      preferences: { min_healthy_percentage: 100, max_healthy_percentage: 150, instance_warmup: "900" },
    });
    expect(doc.resource.aws_ssm_association?.["nomad-clients_configuration"]?.max_concurrency).toBe("1");
  });
});
