/**
 * The aws tier without AWS: a fake `terraform` (tests/e2e/fixtures/fake-terraform) records every call
 * with its directory and fails the subcommands it is told to; the runner drives a TerraformDeployment
 * through it. These prove the harness's sequencing and teardown, not that AWS was reached.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { cases } from "./cases.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { repoRoot, tempDir } from "../helpers/cli.js";
import { awsTier } from "./harness/aws-tier.js";
import { runCases } from "./harness/run.js";
import { readConfiguration } from "./harness/configuration.js";
import { DEFAULT_SIZE_LIMITS, oversizedResources } from "./harness/size-limits.js";
import { findLeakedRuns, parseDuration, sweepRuns } from "./harness/sweep.js";
import { awsRunId, imagesToPush, keepStateLocal, makeDisposable, TerraformDeployment, type TerraformDeploymentOptions } from "./harness/terraform-deployment.js";
import type { E2eCase, Tier } from "./harness/types.js";

const fakeTerraform = path.join(repoRoot, "tests", "e2e", "fixtures", "fake-terraform", "terraform");
let server: Server;
let base = "";
let logFile = "";
beforeAll(async () => {
  // "/local/<status>" stands for every local case's service: it answers with the status the case
  // expects and all the cases' expected texts at once.
  const localBodies = cases.filter((c) => c.tier === "local").map((c) => c.expect.bodyIncludes ?? "").join(" ");
  server = createServer((req, res) => {
    const local = /^\/local\/(\d{3})$/.exec(req.url ?? "");
    if (req.url === "/health") res.end("ok");
    else if (local) res.writeHead(Number(local[1])).end(localBodies);
    else res.writeHead(503).end("no");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  logFile = path.join(tempDir("noros-fake-tf-"), "calls.log");
  writeFileSync(logFile, "");
  process.env.FAKE_TF_LOG = logFile;
  process.env.FAKE_TF_URL = base;
  delete process.env.FAKE_TF_FAIL;
});

const calls = () =>
  readFileSync(logFile, "utf8")
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => line.split(" ").slice(1).join(" "));

const awsCase = (endpoint = "output:checker_url/health", timeoutS = 5): E2eCase => ({ name: "cloud", system: "examples/url-checker/url-checker.noros.ts", tier: "aws", endpoint, expect: { status: 200, bodyIncludes: "ok" }, timeoutS });

function tier(): Tier {
  return awsTier({
    callerIdentity: async () => ({ Account: "123456789012", Arn: "arn:aws:iam::123456789012:user/ci" }),
    terraform: fakeTerraform,
    env: { AWS_REGION: "eu-west-1", NOROS_E2E_ACCOUNT: "123456789012" },
    deployer: (c, context) => new TerraformDeployment(c, context, { terraform: fakeTerraform, write: (dir) => (writeFileSync(path.join(dir, "main.tf.json"), "{}"), dir), retryDelayMs: 10, runId: "noros-url-checker-abc123" }),
  });
}

const run = (c: E2eCase, t: Tier = tier()) => runCases([c], { tiers: ["aws"], cwd: repoRoot, implementations: { local: t, aws: t } });
const vars = "-var name_prefix=noros-url-checker-abc123 -var noros_run=noros-url-checker-abc123";

describe("run ids", () => {
  it("are noros-<example>-<random> and fit name_prefix's validation", () => {
    expect(awsRunId("url-checker", "a1b2c3")).toBe("noros-url-checker-a1b2c3");
    const long = awsRunId("A_Very_Long_Example_Name_Indeed", "a1b2c3");
    expect(long).toMatch(/^[a-z][a-z0-9-]{0,29}$/);
    expect(long.startsWith("noros-a-very-long")).toBe(true);
  });
});

describe("the aws tier with a fake terraform", () => {
  it("applies with the run id, probes the output's URL and destroys on success", async () => {
    const report = await run(awsCase());
    expect(report.cases[0]).toMatchObject({ status: "passed", teardown: { ok: true } });
    expect(report.tiers.aws).toMatchObject({ ok: true, detail: expect.stringContaining("account 123456789012 in eu-west-1") });
    expect(calls()).toEqual(["version", "init -input=false -no-color", `apply -auto-approve -input=false -no-color ${vars}`, "output -json", `destroy -auto-approve -input=false -no-color ${vars}`]);
  });

  it("destroys when the endpoint never becomes healthy", async () => {
    const report = await run(awsCase("output:checker_url/missing", 1));
    expect(report.cases[0]).toMatchObject({ status: "failed", reason: expect.stringContaining("not healthy within 1 s") });
    expect(calls().at(-1)).toBe(`destroy -auto-approve -input=false -no-color ${vars}`);
  });

  it("destroys when apply fails", async () => {
    process.env.FAKE_TF_FAIL = "apply";
    const report = await run(awsCase());
    expect(report.cases[0]).toMatchObject({ status: "failed", reason: expect.stringContaining("terraform apply failed") });
    expect(calls().slice(-2)).toEqual([`apply -auto-approve -input=false -no-color ${vars}`, `destroy -auto-approve -input=false -no-color ${vars}`]);
  });

  it("retries a failing destroy and then reports what is left", async () => {
    process.env.FAKE_TF_FAIL = "destroy";
    const report = await run(awsCase());
    expect(report.ok).toBe(false);
    expect(calls().filter((c) => c.startsWith("destroy"))).toHaveLength(3);
    expect(calls().at(-1)).toBe("state list");
    expect(report.cases[0]).toMatchObject({ status: "failed", teardown: { ok: false, detail: expect.stringContaining("left: aws_ecs_service.checker, aws_lb.checker") } });
  });

  it("runs every terraform call in the case's own work directory", async () => {
    await run(awsCase());
    const dirs = new Set(readFileSync(logFile, "utf8").trim().split("\n").slice(1).map((line) => line.split(" ")[0]));
    expect(dirs.size).toBe(1);
    expect([...dirs][0]).toContain("noros-url-checker-abc123-");
  });
});

describe("state of a test run", () => {
  it("stays local even when the system declares a backend (url-checker's CI state is never touched)", () => {
    const dir = tempDir();
    const file = keepStateLocal(dir);
    expect(path.basename(file)).toMatch(/_override\.tf\.json$/);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ terraform: { backend: { local: {} } } });
  });
});

describe("the aws gate", () => {
  const identity = async () => ({ Account: "1", Arn: "arn" });
  it("names expired credentials", async () => {
    const expired = Object.assign(new Error("The security token included in the request is expired"), { name: "ExpiredToken" });
    const a = await awsTier({ callerIdentity: () => Promise.reject(expired) }).available();
    expect(a).toEqual({ ok: false, reason: expect.stringMatching(/have expired/) });
  });
  it("refuses an account that is not confirmed as the test account", async () => {
    expect(await awsTier({ callerIdentity: identity, env: {} }).available()).toEqual({ ok: false, reason: expect.stringContaining("refusing to deploy into account 1 (us-east-1): set NOROS_E2E_ACCOUNT=1") });
    expect(await awsTier({ callerIdentity: identity, env: { NOROS_E2E_ACCOUNT: "2" } }).available()).toEqual({ ok: false, reason: expect.stringContaining("the credentials are for account 1, but the test account is 2 (NOROS_E2E_ACCOUNT)") });
    expect(await awsTier({ callerIdentity: identity, env: { NOROS_E2E_ACCOUNT: "2" }, account: "1", terraform: fakeTerraform }).available()).toMatchObject({ ok: true });
  });
  it("names a missing or too old terraform", async () => {
    expect(await awsTier({ callerIdentity: identity, account: "1", terraform: path.join(tempDir(), "no-terraform") }).available()).toEqual({ ok: false, reason: expect.stringContaining("terraform is not on PATH") });
    const old = path.join(tempDir(), "terraform");
    writeFileSync(old, "#!/bin/sh\necho 'Terraform v1.9.8'\n", { mode: 0o755 });
    expect(await awsTier({ callerIdentity: identity, account: "1", terraform: old }).available()).toEqual({ ok: false, reason: "terraform is too old: Terraform v1.9.8, need >= 1.10" });
  });
});

describe("interruption", () => {
  it("destroys the run when SIGTERM arrives during apply, and exits 143", async () => {
    const { spawn } = await import("node:child_process");
    const child = spawn(path.join(repoRoot, "node_modules", ".bin", "tsx"), [path.join(repoRoot, "tests", "e2e", "fixtures", "aws-interrupted-run.ts")], {
      env: { ...process.env, FAKE_TF_SLOW: "apply" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const deadline = Date.now() + 20_000;
    while (!calls().some((c) => c.startsWith("apply")) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    child.kill("SIGTERM");
    const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    expect(code).toBe(143);
    // The fake apply notices SIGINT between two 0.1 s sleeps.
    const until = Date.now() + 3000;
    while (!calls().includes("interrupted apply") && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(calls()).toContain("interrupted apply");
    // The interrupted fake apply may log after destroy started: real terraform's destroy waits for
    // the state lock (-lock-timeout) instead.
    expect(calls().filter((c) => !c.startsWith("interrupted")).at(-1)).toBe("destroy -auto-approve -input=false -no-color -lock-timeout=5m -var name_prefix=noros-interrupted-abc123 -var noros_run=noros-interrupted-abc123");
    expect(stderr).toContain("interrupted: terraform destroy");
  }, 40_000);
});

describe("images", () => {
  const withImage = { variable: { web_image_tag: { type: "string" } }, resource: { aws_ecr_repository: { web: { name: "web" } } } };
  const tierDeploying = (options: TerraformDeploymentOptions) =>
    awsTier({
      callerIdentity: async () => ({ Account: "1" }),
      account: "1",
      terraform: fakeTerraform,
      deployer: (c, context) => new TerraformDeployment(c, context, { terraform: fakeTerraform, runId: "noros-url-checker-abc123", ...options }),
    });
  const imageTier = (pushImage: (service: string, terraformDir: string) => Promise<string>) =>
    tierDeploying({
      retryDelayMs: 10,
      write: (dir) => (writeFileSync(path.join(dir, "main.tf.json"), JSON.stringify(withImage)), dir),
      pushImage: (service, dirs) => pushImage(service, dirs.terraform),
    });

  it("creates the repositories, pushes each service's image, then applies and destroys with the pushed tags", async () => {
    const pushed: string[] = [];
    const overrides: unknown[] = [];
    const report = await run(
      awsCase(),
      imageTier(async (service, terraformDir) => {
        pushed.push(service);
        overrides.push(JSON.parse(readFileSync(path.join(terraformDir, "noros_e2e_disposable_override.tf.json"), "utf8")));
        return "0123abcd";
      }),
    );
    expect(report.cases[0]).toMatchObject({ status: "passed", teardown: { ok: true } });
    expect(pushed).toEqual(["web"]);
    // The run's repositories go with their images (real deployments keep ECR's refusal).
    expect(overrides).toEqual([{ resource: { aws_ecr_repository: { web: { force_delete: true } } } }]);
    expect(calls()).toEqual([
      "version",
      "init -input=false -no-color",
      `apply -auto-approve -input=false -no-color -target=aws_ecr_repository.web ${vars} -var web_image_tag=unpushed`,
      `apply -auto-approve -input=false -no-color ${vars} -var web_image_tag=0123abcd`,
      "output -json",
      `destroy -auto-approve -input=false -no-color ${vars} -var web_image_tag=0123abcd`,
    ]);
  });

  it("destroys the repositories when a push fails", async () => {
    const report = await run(awsCase(), imageTier(async () => Promise.reject(new Error("push.sh web failed (exit 1): denied"))));
    expect(report.cases[0]).toMatchObject({ status: "failed", reason: expect.stringContaining("push.sh web failed"), teardown: { ok: true } });
    expect(calls().filter((c) => c.startsWith("apply")).length).toBe(1);
    expect(calls().at(-1)).toBe(`destroy -auto-approve -input=false -no-color ${vars} -var web_image_tag=unpushed`);
  });

  it("pushes with the compiled push.sh by default, reading the tag from its last line", async () => {
    const t = tierDeploying({
      write: (dir) => {
        mkdirSync(path.join(dir, "out", "docker"), { recursive: true });
        // What the generated script prints, and the directory it is told to read outputs from.
        writeFileSync(path.join(dir, "out", "docker", "push.sh"), 'echo "login ok"\necho "pushed 1.dkr.ecr.eu-west-1.amazonaws.com/x-$1:feed01 from $NOROS_TERRAFORM_DIR"\necho "pushed 1.dkr.ecr.eu-west-1.amazonaws.com/x-$1:feed02"\n');
        writeFileSync(path.join(dir, "main.tf.json"), JSON.stringify(withImage));
        return dir;
      },
    });
    const report = await run(awsCase(), t);
    expect(report.cases[0]).toMatchObject({ status: "passed" });
    expect(calls()).toContain(`apply -auto-approve -input=false -no-color ${vars} -var web_image_tag=feed02`);
  });

  it("makes a compiled example's protected resources disposable for the run, and nothing else", async () => {
    const { compile } = await import("../../compiler/compile.js");
    const file = path.join(repoRoot, "examples", "bucket-host", "bucket-host.noros.ts");
    const dir = tempDir("noros-disposable-");
    const tf = compile({ file, cwd: path.dirname(file), targets: ["terraform"] }).artefacts.find((a) => a.path.endsWith(".tf.json"));
    writeFileSync(path.join(dir, "main.tf.json"), tf?.contents ?? "");
    const override = JSON.parse(readFileSync(makeDisposable(dir, readConfiguration(dir)) ?? "", "utf8")) as { resource: Record<string, Record<string, unknown>> };
    expect(Object.keys(override.resource).sort()).toEqual(["aws_db_instance", "aws_ecr_repository", "aws_iam_user", "aws_kms_key", "aws_s3_bucket", "aws_secretsmanager_secret"]);
    expect(override.resource.aws_db_instance).toEqual({ "app-db": { deletion_protection: false, skip_final_snapshot: true } });
    expect(override.resource.aws_s3_bucket?.texts).toEqual({ force_destroy: true });
    // Terraform merges an override into its resource: the merged configuration must still satisfy the provider schema.
    const { validateTerraform } = await import("../../targets/terraform/schema/validate.js");
    const merged = JSON.parse(String(tf?.contents)) as { resource: Record<string, Record<string, Record<string, unknown>>> };
    for (const [type, byName] of Object.entries(override.resource)) for (const [name, settings] of Object.entries(byName)) Object.assign(merged.resource[type]?.[name] ?? {}, settings);
    expect(validateTerraform(merged as never)).toEqual([]);
  });

  it("finds the image variables and repositories of a compiled example", async () => {
    const { compile } = await import("../../compiler/compile.js");
    const file = path.join(repoRoot, "examples", "url-checker", "url-checker.noros.ts");
    const dir = tempDir("noros-images-");
    const tf = compile({ file, cwd: path.dirname(file), targets: ["terraform"] }).artefacts.find((a) => a.path.endsWith(".tf.json"));
    writeFileSync(path.join(dir, "main.tf.json"), tf?.contents ?? "");
    expect(imagesToPush(readConfiguration(dir))).toEqual({ services: ["checker"], repositories: ["checker"] });
  });
});

describe("size limits", () => {
  it("refuses an instance type or task size over the allow-list before apply", async () => {
    const big = { resource: { aws_instance: { web: { instance_type: "m5.4xlarge" } }, aws_ecs_task_definition: { app: { cpu: "4096", memory: "2048" } } } };
    const t = awsTier({
      callerIdentity: async () => ({ Account: "1" }),
      account: "1",
      terraform: fakeTerraform,
      deployer: (c, context) => new TerraformDeployment(c, context, { terraform: fakeTerraform, write: (dir) => (writeFileSync(path.join(dir, "main.tf.json"), JSON.stringify(big)), dir) }),
    });
    const report = await run(awsCase(), t);
    expect(report.cases[0]?.reason).toBe("refusing to apply: test runs are capped to small sizes, and aws_instance.web is m5.4xlarge (allowed: t3.nano, t3.micro, t3.small, t3.medium, t4g.nano, t4g.micro, t4g.small, t4g.medium); aws_ecs_task_definition.app asks for 4096 cpu units (at most 1024)");
    expect(calls().filter((c) => c.startsWith("apply"))).toEqual([]);
  });

  it("lets every aws case's example through, with only the sizes the case allows and says why", async () => {
    const { compile } = await import("../../compiler/compile.js");
    for (const c of cases.filter((k) => k.tier === "aws")) {
      const file = path.join(repoRoot, c.system);
      const dir = tempDir("noros-size-");
      const tf = compile({ file, cwd: path.dirname(file), targets: ["terraform"] }).artefacts.find((a) => a.path.endsWith(".tf.json"));
      writeFileSync(path.join(dir, "main.tf.json"), tf?.contents ?? "");
      const allowed = c.allowSizes?.instanceTypes ?? [];
      expect(oversizedResources(readConfiguration(dir), { ...DEFAULT_SIZE_LIMITS, instanceTypes: [...DEFAULT_SIZE_LIMITS.instanceTypes, ...allowed] }), c.name).toEqual([]);
      // An allowance the example does not need is a hole in the guard: each allowed size is used.
      for (const size of allowed) expect(oversizedResources(readConfiguration(dir), DEFAULT_SIZE_LIMITS).join("\n"), c.name).toContain(`is ${size} `);
    }
  }, 60_000);

  it("widens the limits by a case's allowance, logs it, and refuses an allowance without a reason", async () => {
    const tf = { resource: { aws_instance: { game: { instance_type: "c6i.large" } } } };
    const lines: string[] = [];
    const deploy = (reason: string) => {
      const t = awsTier({
        callerIdentity: async () => ({ Account: "1" }),
        account: "1",
        terraform: fakeTerraform,
        deployer: (c, context) => new TerraformDeployment(c, { ...context, log: (l) => lines.push(l) }, { terraform: fakeTerraform, write: (dir) => (writeFileSync(path.join(dir, "main.tf.json"), JSON.stringify(tf)), dir) }),
      });
      return run({ ...awsCase(), allowSizes: { instanceTypes: ["c6i.large"], reason } }, t);
    };
    expect((await deploy("the game needs it")).cases[0]?.status).toBe("passed");
    expect(lines).toContain("size guard: this case may also use c6i.large (the game needs it)");
    expect(calls().some((c) => c.startsWith("apply"))).toBe(true);
    expect((await deploy(" ")).cases[0]?.reason).toMatch(/allowSizes needs a reason/);
  });
});

describe("sweep", () => {
  const minute = Math.floor(Date.now() / 60_000);
  const oldRun = awsRunId("url-checker", `${(minute - 180).toString(36)}0a`);
  const newRun = awsRunId("hello", `${(minute - 10).toString(36)}0b`);
  const pages: Record<string, { resources: Array<{ arn: string; run: string }>; next?: string }> = {
    first: { resources: [{ arn: "arn:aws:ecs:eu-west-1:1:service/a", run: oldRun }, { arn: "arn:aws:s3:::b", run: newRun }], next: "second" },
    second: { resources: [{ arn: "arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/app/c", run: oldRun }, { arn: "arn:aws:sqs:eu-west-1:1:d", run: "hand-made" }] },
  };
  const get = async (token: string | undefined) => pages[token ?? "first"] as (typeof pages)["first"];

  it("groups every page's resources by run id with the age the id carries", async () => {
    const runs = await findLeakedRuns(get);
    // Ages in whole minutes since the run id's minute; the clock may have passed a minute boundary since.
    const late = Math.floor(Date.now() / 60_000) - minute;
    expect(runs.map((r) => [r.run, r.arns.length, r.ageMs === undefined ? "unknown" : Math.floor(r.ageMs / 60_000)])).toEqual(
      [[newRun, 1, 10 + late], [oldRun, 2, 180 + late], ["hand-made", 1, "unknown"]].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
  });

  it("is a dry run by default and destroys old runs through their kept work directory with --yes", async () => {
    const lines: string[] = [];
    const runs = await findLeakedRuns(get);
    expect(sweepRuns(runs, { olderThanMs: parseDuration("2h"), yes: false, out: (l) => lines.push(l) })).toBe(true);
    expect(lines).toContain(`${newRun} (0.2 h old, 1 resource(s)) — too recent, left alone`);
    expect(lines.at(-1)).toBe("dry run: nothing was deleted (add --yes to destroy the runs above)");
    expect(calls()).toEqual([]);

    const root = tempDir("noros-sweep-");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(path.join(root, `${oldRun}-x1`, "out", "terraform"), { recursive: true });
    lines.length = 0;
    expect(sweepRuns(runs, { olderThanMs: parseDuration("2h"), yes: true, terraform: fakeTerraform, workRoot: root, out: (l) => lines.push(l) })).toBe(false);
    expect(calls()).toEqual([`destroy -auto-approve -input=false -no-color -var name_prefix=${oldRun} -var noros_run=${oldRun}`]);
    expect(lines).toContain(`  destroyed through ${path.join(root, `${oldRun}-x1`, "out", "terraform")}`);
    // The hand-made tag has no work directory here: listed for deletion by hand, and the sweep fails.
    expect(lines.some((l) => l.includes("cannot destroy: no work directory hand-made-*"))).toBe(true);
  });

  it("reads --older-than", () => {
    expect(parseDuration("30m")).toBe(1_800_000);
    expect(() => parseDuration("2 hours")).toThrow("--older-than 2 hours: use a number and m, h or d");
  });
});

describe("noros test --tier all without AWS credentials", () => {
  it("runs the local cases, skips each aws case with its reason, exits 0; --require aws exits 1", async () => {
    const { runTestCommand } = await import("./harness/main.js");
    const empty = path.join(tempDir("noros-aws-"), "empty");
    writeFileSync(empty, "");
    const saved = { ...process.env };
    for (const k of Object.keys(process.env)) if (k.startsWith("AWS_")) delete process.env[k];
    Object.assign(process.env, { AWS_CONFIG_FILE: empty, AWS_SHARED_CREDENTIALS_FILE: empty, AWS_EC2_METADATA_DISABLED: "true", HOME: tempDir("noros-home-") });
    try {
      const local: Tier = {
        name: "local",
        available: async () => ({ ok: true }),
        deployment: (c) => ({ startedAt: Date.now(), died: new Promise(() => {}), deploy: async () => ({}), url: () => `${base}/local/${c.expect.status}`, logs: () => "", teardown: async () => ({ ok: true, detail: "gone" }) }),
      };
      const out: string[] = [];
      const io = { cwd: repoRoot, stdout: (t: string) => out.push(t), stderr: () => {} };
      const code = await runTestCommand({ tier: "all", json: true }, io, { implementations: { local, aws: awsTier({ env: process.env }) } });
      const report = JSON.parse(out.join("")) as { cases: Array<{ name: string; tier: string; status: string; reason?: string }> };
      expect(report.cases.filter((c) => c.tier === "local").map((c) => `${c.name} ${c.status} ${c.reason ?? ""}`.trim())).toEqual(
        cases.filter((c) => c.tier === "local").map((c) => `${c.name} passed`),
      );
      expect(code).toBe(0);
      for (const c of report.cases.filter((c) => c.tier === "aws")) expect(c).toMatchObject({ status: "skipped", reason: expect.stringMatching(/credentials/) });
      out.length = 0;
      expect(await runTestCommand({ tier: "all", require: "aws", json: true }, io, { implementations: { local, aws: awsTier({ env: process.env }) } })).toBe(1);
    } finally {
      process.env = saved;
    }
  });
});
