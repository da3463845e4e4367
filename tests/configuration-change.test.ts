import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { tempDir } from "./helpers/cli.js";

type Doc = { resource: Record<string, Record<string, Record<string, unknown>>>; locals?: Record<string, unknown> };

/** Every resource or data address whose body differs between two Terraform documents. */
function changedAddresses(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const out: string[] = [];
  const leftLocals = (a.locals ?? {}) as Record<string, unknown>;
  const rightLocals = (b.locals ?? {}) as Record<string, unknown>;
  for (const name of new Set([...Object.keys(leftLocals), ...Object.keys(rightLocals)])) {
    if (JSON.stringify(leftLocals[name]) !== JSON.stringify(rightLocals[name])) out.push(`local.${name}`);
  }
  for (const section of ["resource", "data"] as const) {
    const left = (a[section] ?? {}) as Record<string, Record<string, unknown>>;
    const right = (b[section] ?? {}) as Record<string, Record<string, unknown>>;
    for (const type of new Set([...Object.keys(left), ...Object.keys(right)])) {
      for (const name of new Set([...Object.keys(left[type] ?? {}), ...Object.keys(right[type] ?? {})])) {
        if (JSON.stringify(left[type]?.[name]) !== JSON.stringify(right[type]?.[name])) out.push(`${section === "data" ? "data." : ""}${type}.${name}`);
      }
    }
  }
  return out.sort();
}

/** The game-server example compiled from a scratch copy, with one line of one file replaced. */
function gameServer(edit?: { file: string; from: string; to: string }): Doc {
  const source = path.resolve(import.meta.dirname, "../examples/game-server");
  const dir = tempDir("noros-change-");
  cpSync(source, dir, { recursive: true });
  if (edit) {
    const file = path.join(dir, edit.file);
    const text = readFileSync(file, "utf8");
    if (!text.includes(edit.from)) throw new Error(`${edit.file} has no "${edit.from}"`);
    writeFileSync(file, text.replace(edit.from, edit.to));
  }
  const { artefacts } = compile({ file: path.join(dir, "game-server.noros.ts"), cwd: dir, targets: ["terraform"] });
  const main = artefacts.find((a) => a.path === "terraform/main.tf.json");
  if (!main) throw new Error("no main.tf.json");
  return JSON.parse(String(main.contents)) as Doc;
}

describe("re-applying a changed configuration", () => {
  const before = gameServer();

  it("changing one line of a host's configuration changes only its content hash and the SSM trigger, never the instance", () => {
    // One line of the host's NixOS configuration: how many days of game logs logrotate keeps.
    const after = gameServer({ file: "log-rotation.ts", from: "keepDays: 1, compress: false }],", to: "keepDays: 2, compress: false }]," });
    expect(changedAddresses(before, after)).toEqual(["aws_s3_object.server_configuration", "aws_ssm_association.server_configuration"]);
    const object = (doc: Doc) => doc.resource.aws_s3_object?.server_configuration as { key: string; content: string };
    // The object's key is the new content's hash, and the association's commands fetch that key.
    expect(object(after).key).not.toBe(object(before).key);
    expect(object(after).key).toMatch(/^hosts\/server\/[0-9a-f]{64}\/configuration\.nix$/);
    expect(object(after).content).toContain("rotate = 2;");
    const parameters = (doc: Doc) => doc.resource.aws_ssm_association?.server_configuration?.parameters as { configurationUrl: string; sha256: string };
    expect(parameters(after).configurationUrl).toBe(`s3://\${aws_s3_bucket.noros_delivery.bucket}/${object(after).key}`);
    expect(parameters(before).configurationUrl).toBe(`s3://\${aws_s3_bucket.noros_delivery.bucket}/${object(before).key}`);
    expect(object(after).key).toContain(parameters(after).sha256);
    // The instance, its launch template and its user data (here the staged fetch-and-run script) are
    // untouched: nothing in the plan but the object and the association.
    expect(after.resource.aws_instance?.server).toEqual(before.resource.aws_instance?.server);
    expect(after.locals?.server_user_data).toBe(before.locals?.server_user_data);
  });

  it("a change outside the host's configuration (its install script) changes the staged user data, not the SSM trigger", () => {
    const after = gameServer({ file: "install.sh", from: 'hostname "noros example server"', to: 'hostname "noros example server 2"' });
    const changed = changedAddresses(before, after);
    // The staged object (new hash, new key), the policy naming that key, and the fetch script naming it
    // (the launch template's user data: a first-boot script changed is a new instance, visibly in the plan).
    expect(changed).toEqual(["aws_s3_object.server_user_data", "data.aws_iam_policy_document.server_user_data", "local.server_user_data"]);
    expect(changed).toContain("aws_s3_object.server_user_data");
    expect(changed).not.toContain("aws_ssm_association.server_configuration");
  });
});
