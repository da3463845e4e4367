import { describe, expect, it } from "vitest";
import { diagnosticsOf, terraformOf } from "./helpers/compute.js";

const head = [
  'import { host, network, snapshots, system, volume } from "noros";',
  'const net = network("net", { cidr: "10.0.0.0/16", privateSubnets: ["10.0.10.0/24"] });',
  'const a = host("a", { network: net });',
  'const b = host("b", { network: net });',
];
const system = 'export default system("x", { region: "eu-west-1", resources: [net, a, b, nightly] });';
type Policy = { policy_details: { target_tags: Record<string, string>; resource_types: string[]; schedule: Array<Record<string, unknown>> }; execution_role_arn: string };

describe("snapshots (S1.5)", () => {
  const doc = terraformOf([...head, 'const data = volume("data", { host: a, sizeGb: 10 });', 'const nightly = snapshots("nightly", { hosts: [a, b], time: "04:30", retainDays: 14 });', 'export default system("x", { region: "eu-west-1", resources: [net, a, b, data, nightly] });']);
  const policies = (doc.resource.aws_dlm_lifecycle_policy ?? {}) as unknown as Record<string, Policy>;

  it("take daily snapshots of each host's volumes, found by the host's tag, kept retainDays days", () => {
    expect(Object.keys(policies).sort()).toEqual(["nightly_a", "nightly_b"]);
    const a = policies.nightly_a as Policy;
    expect(a.policy_details.resource_types).toEqual(["VOLUME"]);
    expect(a.policy_details.target_tags).toEqual({ "noros:host": "${var.name_prefix}-a" });
    expect(a.policy_details.schedule[0]).toMatchObject({
      create_rule: { interval: 24, interval_unit: "HOURS", times: ["04:30"] },
      retain_rule: { interval: 14, interval_unit: "DAYS" },
      copy_tags: true,
      tags_to_add: { "noros:run": "${var.noros_run}", "noros:system": "x", "noros:snapshots": "${var.name_prefix}-nightly" },
    });
    expect(a.execution_role_arn).toBe("${aws_iam_role.nightly.arn}");
  });

  it("cover the root volume (tagged by the launch template) and attached volumes (tagged themselves) alike", () => {
    const [volumes] = doc.resource.aws_launch_template?.a?.tag_specifications as Array<{ tags: Record<string, string> }>;
    expect(volumes?.tags["noros:host"]).toBe("${var.name_prefix}-a");
    expect((doc.resource.aws_ebs_volume?.data?.tags as Record<string, string>)["noros:host"]).toBe("${var.name_prefix}-a");
  });

  it("act through a role only DLM may assume, holding AWS's managed DLM policy", () => {
    const trust = doc.data.aws_iam_policy_document?.nightly_assume as { statement: Array<{ actions: string[]; principals: Array<{ type: string; identifiers: string[] }> }> };
    expect(trust.statement).toHaveLength(1);
    expect(trust.statement[0]?.actions).toEqual(["sts:AssumeRole"]);
    expect(trust.statement[0]?.principals).toEqual([{ type: "Service", identifiers: ["dlm.amazonaws.com"] }]);
    expect(doc.resource.aws_iam_role_policy_attachment?.nightly_dlm).toEqual({
      role: "${aws_iam_role.nightly.name}",
      policy_arn: "arn:aws:iam::aws:policy/service-role/AWSDataLifecycleManagerServiceRole",
    });
  });

  it("refuse a time that is not HH:MM, and an empty host list", () => {
    expect(diagnosticsOf([...head, 'const nightly = snapshots("nightly", { hosts: [a], time: "4am" });', system])).toEqual([
      'NOROS2044 5:52 snapshots "nightly": time: "4am" is not a time of day: write HH:MM in UTC, such as 03:00',
    ]);
    expect(diagnosticsOf([...head, 'const nightly = snapshots("nightly", { hosts: [] });', system]).map((d) => d.split(" ").slice(0, 2).join(" "))).toEqual(["NOROS2000 5:40"]);
  });
});
