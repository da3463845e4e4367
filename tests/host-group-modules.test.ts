import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { DiagnosticsError } from "../compiler/diagnostics/diagnostic.js";
import { writeSystem } from "./helpers/cli.js";

type Block = Record<string, Record<string, Record<string, unknown>>>;
type Doc = { resource: Block; data: Block; locals?: Record<string, string> };

/** A host group running Consul and Nomad clients, with an install script. */
function groupSystem(extra = "") {
  return writeSystem({
    "s.noros.ts": `
import { consul, hostGroup, network, nomad, system } from "noros";
const net = network("net", { cidr: "10.0.0.0/16", privateSubnets: ["10.0.1.0/24", "10.0.2.0/24"] });
const join = { tagKey: "cluster", tagValue: "c1" };
const workers = hostGroup("workers", {
  network: net, min: 1, max: 3, install: "./setup.sh",
  modules: [consul({ server: false, join }), nomad({ client: true, join })],${extra}
});
export default system("groups", { region: "eu-west-1", resources: [net, workers] });
`,
    "setup.sh": "#!/usr/bin/env bash\necho installed\n",
  });
}

function compiled(file: string) {
  const { artefacts } = compile({ file, cwd: path.dirname(file) });
  const text = (p: string) => String(artefacts.find((a) => a.path === p)?.contents);
  return { doc: JSON.parse(text("terraform/main.tf.json")) as Doc, nix: text("nix/workers/configuration.nix") };
}

describe("NixOS modules on a host group", () => {
  const { doc, nix } = compiled(groupSystem());

  it("tags every instance of the group with the cluster's join tag", () => {
    const tags = doc.resource.aws_autoscaling_group?.workers?.tag as Array<{ key: string; value: string; propagate_at_launch: boolean }>;
    expect(tags).toContainEqual({ key: "cluster", value: "c1", propagate_at_launch: true });
  });

  it("opens the modules' ports on the group's security group and lets the group discover its peers", () => {
    const ingress = Object.values(doc.resource.aws_vpc_security_group_ingress_rule ?? {}).filter((r) => r.security_group_id === "${aws_security_group.workers.id}");
    expect(ingress.map((r) => `${String(r.ip_protocol)}/${String(r.from_port)}`)).toEqual(expect.arrayContaining(["tcp/8301", "udp/8301", "tcp/4646"]));
    const statements = (doc.data.aws_iam_policy_document?.workers_grants?.statement ?? []) as Array<{ actions: string[] }>;
    expect(statements.flatMap((s) => s.actions)).toContain("ec2:DescribeInstances");
  });

  it("runs the modules in the group's one configuration, under EC2's host names", () => {
    expect(nix).toContain("services.consul");
    expect(nix).toContain("services.nomad");
    expect(nix).toContain('networking.hostName = "";');
  });

  it("puts the install script into the user data of the group's launch template", () => {
    expect(doc.locals?.workers_user_data).toContain("echo installed");
    expect(doc.resource.aws_launch_template?.workers?.user_data).toBe("${base64encode(local.workers_user_data)}");
  });

  it("refuses an own tag that contradicts the tag the modules join by", () => {
    const file = groupSystem(`\n  tags: { cluster: "other" },`);
    let error: unknown;
    try {
      compile({ file, cwd: path.dirname(file) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DiagnosticsError);
    const found = (error as DiagnosticsError).diagnostics.find((d) => d.code === "NOROS3111");
    expect(found?.message).toContain('host-group "workers": its tag cluster=other');
    expect(found?.line).toBe(8);
  });
});
