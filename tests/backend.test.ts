import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { DiagnosticsError } from "../compiler/diagnostics/diagnostic.js";
import { terraformHcl } from "../targets/terraform/hcl/index.js";
import { runCli, writeSystem } from "./helpers/cli.js";
import { hclToJson, normalise } from "./helpers/hcl2json.js";
import { terraformAvailable, terraformFmtDiff } from "./helpers/terraform-fmt.js";

const hasTerraform = terraformAvailable();

function systemWith(backend: string): string {
  return writeSystem({
    "state.noros.ts": `import { bucket, system } from "noros";\nconst site = bucket("site");\nexport default system("state", {\n  region: "eu-central-1",\n  resources: [site],\n  backend: ${backend},\n});\n`,
  });
}

function codesOf(file: string): string[] {
  try {
    compile({ file, cwd: path.dirname(file), targets: ["terraform"] });
    return [];
  } catch (error) {
    if (!(error instanceof DiagnosticsError)) throw error;
    return error.diagnostics.map((d) => `${d.code} ${d.line}`);
  }
}

describe("the S3 state backend", () => {
  it("is lowered to terraform.backend.s3 with a lock file and encryption, in the system's region by default", async () => {
    const file = systemWith('{ s3: { bucket: "acme-terraform-state", key: "state/terraform.tfstate", useLockfile: true } }');
    const out = path.join(path.dirname(file), "out");
    const run = await runCli(["compile", file, "-o", out, "--target", "terraform"], path.dirname(file));
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(readFileSync(path.join(out, "terraform", "main.tf.json"), "utf8")) as { terraform: Record<string, unknown> };
    expect(doc.terraform.backend).toEqual({ s3: { bucket: "acme-terraform-state", key: "state/terraform.tfstate", region: "eu-central-1", use_lockfile: true, encrypt: true } });
  });

  it("is a backend block terraform fmt and hcl2json accept, equal to the JSON form", async () => {
    const file = systemWith('{ s3: { bucket: "acme-terraform-state", key: "state/terraform.tfstate", region: "eu-west-1" } }');
    const compiled = compile({ file, cwd: path.dirname(file), targets: ["terraform"] });
    const document = JSON.parse(String(compiled.artefacts.find((a) => a.path === "terraform/main.tf.json")?.contents)) as Record<string, unknown>;
    const files = terraformHcl(document);
    const providers = String(files.find((f) => f.path === "terraform/providers.tf")?.contents);
    expect(providers).toContain('  backend "s3" {\n    bucket       = "acme-terraform-state"\n    encrypt      = true\n    key          = "state/terraform.tfstate"\n    region       = "eu-west-1"\n    use_lockfile = true\n  }\n');
    expect(normalise(await hclToJson(files))).toEqual(normalise(document));
    if (hasTerraform) expect(terraformFmtDiff(files).diff).toBe("");
  });

  it("has no backend block when the system declares none", () => {
    const file = writeSystem({ "local.noros.ts": 'import { system } from "noros";\nexport default system("local", { region: "eu-central-1", resources: [] });\n' });
    const compiled = compile({ file, cwd: path.dirname(file), targets: ["terraform"] });
    expect(String(compiled.artefacts.find((a) => a.path === "terraform/main.tf.json")?.contents)).not.toContain('"backend"');
  });

  it("refuses an invalid key, a bucket name S3 would refuse, locking turned off and unknown settings, at their lines", () => {
    expect(codesOf(systemWith('{ s3: { bucket: "acme-state", key: "/abs/terraform.tfstate" } }'))).toEqual(["NOROS2350 6"]);
    expect(codesOf(systemWith('{ s3: { bucket: "Acme_State", key: "k" } }'))).toEqual(["NOROS2003 6"]);
    expect(codesOf(systemWith('{ s3: { bucket: "acme-state", key: "k", useLockfile: false } }'))).toEqual(["NOROS2351 6"]);
    expect(codesOf(systemWith('{ s3: { bucket: "acme-state", key: "k", dynamodbTable: "locks" } as never }'))).toEqual(["NOROS2008 6"]);
  });
});
