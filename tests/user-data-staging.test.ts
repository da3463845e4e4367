import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { DiagnosticsError } from "../compiler/diagnostics/diagnostic.js";
import { USER_DATA_LIMIT, estimatedBase64Size } from "../targets/terraform/host-user-data.js";
import { examples } from "./helpers/examples.js";
import { writeSystem } from "./helpers/cli.js";

type Doc = { resource: Record<string, Record<string, Record<string, unknown>>>; data: Record<string, Record<string, Record<string, unknown>>> };

function terraformOf(artefacts: ReadonlyArray<{ path: string; contents: string | Uint8Array }>): Doc {
  return JSON.parse(String(artefacts.find((a) => a.path === "terraform/main.tf.json")?.contents)) as Doc;
}

describe("user data staging (S1.1)", () => {
  const example = examples().find((e) => e.name === "game-server");
  if (!example) throw new Error("game-server example missing");
  const { artefacts } = compile({ file: example.file, cwd: example.dir });
  const doc = terraformOf(artefacts);
  const script = readFileSync(path.join(example.dir, "install.sh"), "utf8");

  it("the game server's install script alone is far over the 16 KB user data limit", () => {
    expect(4 * Math.ceil(Buffer.byteLength(script) / 3)).toBeGreaterThan(USER_DATA_LIMIT);
  });

  it("stages the whole user data, install script included, in the delivery bucket under its hash", () => {
    const object = doc.resource.aws_s3_object?.server_user_data as { bucket: string; key: string; content: string };
    expect(object.bucket).toBe("${aws_s3_bucket.noros_delivery.id}");
    expect(object.key).toMatch(/^user-data\/server\/[0-9a-f]{64}\.sh$/);
    // The script is there as Terraform will write it: `${` escaped as `$${`, nothing else changed.
    expect(object.content.replace(/\$\$\{/g, "${")).toContain(script.trimEnd());
    expect(object.content).toContain("cat > /etc/noros/environment");
  });

  it("reduces the instance's user data to fetch-and-run, well below the limit", () => {
    const userData = String((doc as { locals?: Record<string, unknown> }).locals?.server_user_data);
    expect(estimatedBase64Size(userData)).toBeLessThan(USER_DATA_LIMIT / 8);
    expect(userData).toContain("aws s3 cp s3://${aws_s3_bucket.noros_delivery.bucket}/${aws_s3_object.server_user_data.key} /run/noros/user-data.sh");
    expect(userData).toContain("exec bash /run/noros/user-data.sh");
    expect(userData).not.toContain("steamcmd");
  });

  it("lets the host's role read exactly that key", () => {
    const key = (doc.resource.aws_s3_object?.server_user_data as { key: string }).key;
    expect(doc.data.aws_iam_policy_document?.server_user_data?.statement).toEqual([
      { sid: "ReadOwnUserData", effect: "Allow", actions: ["s3:GetObject"], resources: [`\${aws_s3_bucket.noros_delivery.arn}/${key}`] },
    ]);
    expect(doc.resource.aws_iam_role_policy?.server_user_data?.role).toBe("${aws_iam_role.server.id}");
  });

  it("keeps a small install script in the user data itself, run once per version", () => {
    const file = writeSystem({
      "s.noros.ts": `
import { host, network, system } from "noros";
const net = network("net", { cidr: "10.0.0.0/16", privateSubnets: ["10.0.1.0/24"] });
const web = host("web", { network: net, install: "./setup.sh" });
export default system("small", { region: "eu-west-1", resources: [web] });
`,
      "setup.sh": "#!/usr/bin/env bash\necho \"${HOME}\" > /tmp/x\n",
    });
    const small = terraformOf(compile({ file, cwd: path.dirname(file) }).artefacts);
    const userData = String((small as { locals?: Record<string, unknown> }).locals?.web_user_data);
    expect(small.resource.aws_s3_object?.web_user_data).toBeUndefined();
    expect(userData).toMatch(/if \[ ! -e \/var\/lib\/noros\/install-[0-9a-f]{16}\.done \]; then/);
    expect(userData).toContain('echo "$${HOME}" > /tmp/x');
  });

  it("reports a missing install script at its property", () => {
    const file = writeSystem({
      "s.noros.ts": `import { host, network, system } from "noros";
const net = network("net", { cidr: "10.0.0.0/16", privateSubnets: ["10.0.1.0/24"] });
const web = host("web", {
  network: net,
  install: "./missing.sh",
});
export default system("small", { region: "eu-west-1", resources: [web] });
`,
    });
    try {
      compile({ file, cwd: path.dirname(file) });
      throw new Error("expected NOROS3110");
    } catch (error) {
      if (!(error instanceof DiagnosticsError)) throw error;
      expect(error.diagnostics.map((d) => `${d.code} ${d.line}:${d.col}`)).toEqual(["NOROS3110 5:3"]);
    }
  });
});
