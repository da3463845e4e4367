import { describe, expect, it } from "vitest";
import { diagnosticsOf, terraformOf } from "./helpers/compute.js";

describe("topics", () => {
  const doc = terraformOf([
    'import { system, topic } from "noros";',
    'const ops = topic("ops", { emails: ["oncall@example.com", "lead@example.com"] });',
    'const quiet = topic("quiet");',
    'export default system("x", { region: "eu-central-1", resources: [ops, quiet] });',
  ]);

  it("subscribes each e-mail address to its own topic by e-mail, in the order written, and nothing else", () => {
    expect(doc.resource.aws_sns_topic_subscription).toEqual({
      ops_email_0: { topic_arn: "${aws_sns_topic.ops.arn}", protocol: "email", endpoint: "oncall@example.com" },
      ops_email_1: { topic_arn: "${aws_sns_topic.ops.arn}", protocol: "email", endpoint: "lead@example.com" },
    });
  });

  it("encrypts every topic, subscribed or not", () => {
    for (const name of ["ops", "quiet"]) expect(doc.resource.aws_sns_topic?.[name]?.kms_master_key_id, name).toBeTruthy();
  });

  it("refuses an address that is not one, at its position", () => {
    const diagnostics = diagnosticsOf([
      'import { system, topic } from "noros";',
      'const ops = topic("ops", { emails: ["oncall-at-example.com"] });',
      'export default system("x", { region: "eu-central-1", resources: [ops] });',
    ]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatch(/^NOROS\d{4} 2:\d+ .*oncall-at-example\.com/);
  });
});
