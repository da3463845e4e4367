import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { DiagnosticsError } from "../compiler/diagnostics/diagnostic.js";
import { writeSystem } from "./helpers/cli.js";

type Doc = { resource: Record<string, Record<string, Record<string, unknown>>> };

/**
 * What the DSL lets an author weaken is caught by the policy at the construct that weakened it; what
 * it generates by default passes every rule.
 */
describe("secure defaults", () => {
  it("every construct's defaults pass the whole policy", () => {
    const file = writeSystem({
      "defaults.noros.ts": [
        'import { bucket, group, host, logGroup, network, system, topic, user } from "noros";',
        'const net = network("net", { cidr: "10.0.0.0/16", privateSubnets: ["10.0.1.0/24"] });',
        'const alerts = topic("alerts");',
        'const web = host("web", { network: net, publishesTo: [alerts] });',
        'const admins = group("admins");',
        'const ops = user("ops", { groups: [admins] });',
        'const site = bucket("site", { restrictTo: net, readers: [web], writers: [admins] });',
        'const logs = logGroup("logs");',
        'export default system("defaults", { region: "eu-central-1", resources: [net, alerts, web, ops, site, logs] });',
        "",
      ].join("\n"),
    });
    const compiled = compile({ file, cwd: path.dirname(file), targets: ["terraform"] });
    expect(compiled.diagnostics).toEqual([]);
    const doc = JSON.parse(String(compiled.artefacts.find((a) => a.path === "terraform/main.tf.json")?.contents)) as Doc;
    // The instance launches from its template, which holds every setting.
    expect(doc.resource.aws_instance?.web).toMatchObject({ launch_template: { id: "${aws_launch_template.web.id}" } });
    expect(doc.resource.aws_launch_template?.web).toMatchObject({
      metadata_options: { http_tokens: "required", http_put_response_hop_limit: 1 },
      network_interfaces: [{ associate_public_ip_address: "false" }],
      block_device_mappings: [{ ebs: { encrypted: "true" } }],
    });
    expect(doc.resource.aws_launch_template?.web).not.toHaveProperty("key_name");
    expect(doc.resource.aws_cloudwatch_log_group?.logs?.retention_in_days).toBe(90);
    expect(doc.resource.aws_sns_topic?.alerts?.kms_master_key_id).toBe("alias/aws/sns");
  });

  it("what an author opens up is a violation at that construct", () => {
    const file = writeSystem({
      "opened.noros.ts": [
        'import { host, network, system } from "noros";',
        'const net = network("net", { cidr: "10.0.0.0/16", privateSubnets: ["10.0.1.0/24"] });',
        'const a = host("ssh-inside", { network: net, ingress: [{ port: 22, from: "10.0.0.0/16" }] });',
        'const b = host("rdp-outside", { network: net, ingress: [{ port: 3389, from: "0.0.0.0/0" }] });',
        'const c = host("database", { network: net, ingress: [{ port: 5432, from: "0.0.0.0/0" }] });',
        'const d = host("leaky", { network: net, environment: { API_TOKEN: "tok-123", MODE: "prod" } });',
        'export default system("opened", { region: "eu-central-1", resources: [net, a, b, c, d] });',
        "",
      ].join("\n"),
    });
    let found: string[] = [];
    try {
      compile({ file, cwd: path.dirname(file), targets: ["terraform"] });
    } catch (error) {
      if (!(error instanceof DiagnosticsError)) throw error;
      found = error.diagnostics.map((d) => `${d.line}:${d.col} ${d.code} ${/^(NOROS-[A-Z0-9]+-\d{3})/.exec(d.message)?.[1]}`);
    }
    expect(found).toEqual(["3:11 NOROS5001 NOROS-SG-004", "4:11 NOROS5001 NOROS-SG-001", "5:11 NOROS5001 NOROS-SG-002", "6:11 NOROS5001 NOROS-EC2-010"]);
  });
});
