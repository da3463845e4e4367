import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { writeSystem } from "./helpers/cli.js";

function compiled(source: string) {
  const file = writeSystem({ "s.noros.ts": source });
  return compile({ file, cwd: path.dirname(file) });
}

const base = `
import { bucket, group, host, network, system, topic, user } from "noros";
const net = network("net", { cidr: "10.0.0.0/16", privateSubnets: ["10.0.1.0/24"] });
const alerts = topic("alerts");
const web = host("web", { network: net, publishesTo: [alerts] });
const other = host("other", { network: net });
const writers = group("writers");
const uploader = user("uploader", { groups: [writers] });
const data = bucket("data", { readers: [web], writers: [writers] });
export default system("grants", { region: "eu-west-1", resources: [data, other, uploader, alerts] });
`;

describe("least-privilege grants derived from relationships", () => {
  const { graph, artefacts } = compiled(base);
  const byPrincipal = (name: string) => graph.grants.filter((g) => g.principal.name === name);
  const doc = JSON.parse(String(artefacts.find((a) => a.path === "terraform/main.tf.json")?.contents));

  it("gives a reader get and list on that bucket only, and a publisher publish on that topic", () => {
    const arn = (kind: string, name: string) => ({ $noros: "ref", kind, name, attribute: "arn" });
    const web = byPrincipal("web").map((g) => ({ actions: g.actions, resources: g.resources.map((r) => r.parts) }));
    expect(web).toEqual([
      { actions: ["s3:GetObject"], resources: [[arn("bucket", "data"), "/*"]] },
      { actions: ["s3:ListBucket"], resources: [[arn("bucket", "data")]] },
      { actions: ["sns:Publish"], resources: [[arn("topic", "alerts")]] },
    ]);
  });

  it("gives a writer group put only, attached to the group", () => {
    expect(byPrincipal("writers").map((g) => g.actions)).toEqual([["s3:PutObject"]]);
    expect(doc.resource.aws_iam_group_policy.writers_grants.group).toBe("${aws_iam_group.writers.name}");
    expect(doc.data.aws_iam_policy_document.writers_grants.statement).toEqual([
      { sid: "WriteDataObjects", effect: "Allow", actions: ["s3:PutObject"], resources: ["${aws_s3_bucket.data.arn}/*"] },
    ]);
  });

  it("gives a host without relationships no policy at all", () => {
    expect(byPrincipal("other")).toEqual([]);
    expect(doc.resource.aws_iam_role_policy.other_grants).toBeUndefined();
  });

  it("never grants a wildcard action or resource", () => {
    for (const statement of Object.values(doc.data.aws_iam_policy_document as Record<string, { statement: Array<{ effect: string; actions: string[]; resources?: string[] }> }>).flatMap((d) => d.statement)) {
      if (statement.effect !== "Allow") continue;
      expect(statement.actions.some((a) => a === "*" || a.endsWith(":*"))).toBe(false);
      expect((statement.resources ?? []).includes("*")).toBe(false);
    }
  });
});
