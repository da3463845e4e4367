/**
 * The aws tier's deployment of one case: the system compiled to Terraform in a fresh work directory,
 * `terraform init` + `apply` with a run id as `name_prefix` and `noros_run` (the provider's
 * default_tags put it on every resource as `noros:run`), endpoints resolved from
 * `terraform output -json`, and `terraform destroy` with the same variables on teardown, retried; when
 * destroy still fails the teardown reports `terraform state list`, i.e. exactly what is left.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { track, type TerraformRun } from "./cleanup.js";
import { readConfiguration, type Configuration } from "./configuration.js";
import { parseEndpoint } from "./endpoint.js";
import { DEFAULT_SIZE_LIMITS, oversizedResources, type SizeLimits } from "./size-limits.js";
import type { DeployContext, Deployment, E2eCase, TeardownResult } from "./types.js";

/** lower.ts validates name_prefix as ^[a-z][a-z0-9-]{0,29}$. */
const NAME_PREFIX = /^[a-z][a-z0-9-]{0,29}$/;

/**
 * `noros-<example>-<random>`, shortened to fit name_prefix's 30 characters. The random part starts
 * with the minute it was made (base 36) so `noros test --sweep` can tell a leak's age from its tag.
 */
export function awsRunId(example: string, random = `${Math.floor(Date.now() / 60_000).toString(36)}${randomBytes(1).toString("hex")}`): string {
  const slug = example.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "");
  const room = 30 - "noros-".length - 1 - random.length;
  const id = `noros-${slug.slice(0, room).replace(/-+$/, "")}-${random}`;
  if (!NAME_PREFIX.test(id)) throw new Error(`internal: run id ${id} does not satisfy name_prefix's validation`);
  return id;
}

export interface TerraformDeploymentOptions {
  /**
   * Writes the case's Terraform under the directory and returns the directory terraform runs in
   * (default: compile the system's terraform target to `<dir>/out`, run in `<dir>/out/terraform`).
   */
  readonly write?: (dir: string, c: E2eCase, context: DeployContext) => string;
  /** What test runs may create (default {@link DEFAULT_SIZE_LIMITS}). */
  readonly sizeLimits?: SizeLimits;
  readonly terraform?: string;
  /**
   * Builds and pushes one service's image once its ECR repository exists, resolving with the tag it
   * pushed (default: the compiled `docker/push.sh <service>`, with docker or $CONTAINER_ENGINE).
   */
  readonly pushImage?: (service: string, dirs: { readonly terraform: string; readonly run: string }, log: (line: string) => void) => Promise<string>;
  /** Destroy attempts before giving up. */
  readonly destroyAttempts?: number;
  readonly retryDelayMs?: number;
  readonly runId?: string;
}

interface Run {
  /** 1 when a signal ended the program (`signalled`). */
  readonly code: number;
  readonly signalled?: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a program to its end, collecting its output; a program that cannot start exits 127. */
function runProgram(bin: string, args: readonly string[], options: { readonly cwd?: string; readonly env: NodeJS.ProcessEnv }, onChild: (pid: number | undefined) => void = () => {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    onChild(child.pid);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", (error) => resolve({ code: 127, stdout, stderr: `${stderr}${error.message}` }));
    child.on("close", (code) => {
      onChild(undefined);
      resolve({ code: code ?? 1, signalled: code === null, stdout, stderr });
    });
  });
}

async function runTerraform(bin: string, args: readonly string[], cwd: string, log: (line: string) => void, onChild: (pid: number | undefined) => void): Promise<Run> {
  // TF_IN_AUTOMATION keeps the output free of "next, run terraform ..." advice.
  const run = await runProgram(bin, args, { cwd, env: { ...process.env, TF_IN_AUTOMATION: "1", TF_INPUT: "0" } }, onChild);
  log(`terraform ${args[0]} exited ${run.signalled ? "by a signal" : run.code}`);
  return run;
}

async function compileTerraform(dir: string, c: E2eCase, context: DeployContext): Promise<string> {
  const { compile } = await import("../../../compiler/compile.js");
  const { writeOutput } = await import("../../../compiler/emit/write-output.js");
  const file = path.resolve(context.cwd, c.system);
  const compiled = compile({ file, cwd: path.dirname(file), targets: ["terraform", "docker"], skipTests: context.skipTests });
  writeOutput(path.join(dir, "out"), compiled.artefacts);
  const tfDir = path.join(dir, "out", "terraform");
  if (compiled.graph.system.props.backend) keepStateLocal(tfDir);
  return tfDir;
}

/**
 * A test run keeps its own local state, never the system's declared backend: a run id as name
 * prefix in the shared state would plan to replace the real deployment. An override file's backend
 * block replaces the configuration's (Terraform reads *_override.tf.json after the rest).
 */
export function keepStateLocal(tfDir: string): string {
  const file = path.join(tfDir, "noros_e2e_backend_override.tf.json");
  writeFileSync(file, `${JSON.stringify({ terraform: { backend: { local: {} } } }, null, 2)}\n`);
  return file;
}

/**
 * What a test run changes so that its destroy removes everything it made, whatever the run put into
 * it: noros's defaults protect real deployments (ECR and S3 refuse to delete what still holds images
 * or objects, RDS has deletion protection and keeps a final snapshot, secrets and keys wait 7 to 30
 * days), and each of those would make a test run's teardown fail or leave something behind.
 */
const disposable: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  aws_ecr_repository: { force_delete: true },
  aws_s3_bucket: { force_destroy: true },
  aws_db_instance: { deletion_protection: false, skip_final_snapshot: true },
  aws_secretsmanager_secret: { recovery_window_in_days: 0 },
  aws_kms_key: { deletion_window_in_days: 7 },
  aws_iam_user: { force_destroy: true },
};

/** Like the backend, an override file (`*_override.tf.json`) changes those settings for the run only. */
export function makeDisposable(tfDir: string, configuration: Configuration): string | undefined {
  const resource: Record<string, Record<string, unknown>> = {};
  for (const [type, settings] of Object.entries(disposable)) {
    for (const name of Object.keys(configuration.resource[type] ?? {})) (resource[type] ??= {})[name] = settings;
  }
  if (Object.keys(resource).length === 0) return undefined;
  const file = path.join(tfDir, "noros_e2e_disposable_override.tf.json");
  writeFileSync(file, `${JSON.stringify({ resource }, null, 2)}\n`);
  return file;
}

/**
 * The images a compiled system runs: each service's `<service>_image_tag` variable (no default: the
 * tag is known once the image is pushed) and the ECR repositories they are pushed to.
 */
export function imagesToPush(configuration: Configuration): { readonly services: string[]; readonly repositories: string[] } {
  const services = Object.entries(configuration.variable).flatMap(([name, body]) => {
    const m = /^(.+)_image_tag$/.exec(name);
    return m && body.default === undefined ? [m[1] as string] : [];
  });
  return { services: services.sort(), repositories: Object.keys(configuration.resource.aws_ecr_repository ?? {}).sort() };
}

/** Runs the compiled push.sh for one service and reads the tag from its last line (`pushed <repo>:<tag>`). */
async function pushWithScript(service: string, dirs: { readonly terraform: string; readonly run: string }, log: (line: string) => void): Promise<string> {
  const script = path.join(dirs.run, "out", "docker", "push.sh");
  const run = await runProgram("sh", [script, service], { env: { ...process.env, NOROS_TERRAFORM_DIR: dirs.terraform } });
  const pushed = /^pushed \S+:([^:\s]+)$/m.exec(run.stdout.trim().split("\n").at(-1) ?? "");
  if (run.code !== 0 || !pushed) throw new Error(`push.sh ${service} failed (exit ${run.signalled ? "by a signal" : run.code}): ${run.stderr.trim().split("\n").slice(-3).join(" / ")}`);
  log(`pushed ${service}:${pushed[1]}`);
  return pushed[1] as string;
}

export class TerraformDeployment implements Deployment {
  startedAt = 0;
  readonly died = new Promise<string>(() => {});
  readonly runId: string;
  readonly dir: string;
  /** Where terraform runs: the compiled configuration's directory. */
  private tfDir: string;
  private outputs: Record<string, { value: unknown }> = {};
  private applyStarted = false;
  /** Registered for the exit/signal cleanup from apply until destroy succeeds. */
  private tracked: TerraformRun | undefined;
  private readonly transcript: string[] = [];

  constructor(
    private readonly c: E2eCase,
    private readonly context: DeployContext,
    private readonly options: TerraformDeploymentOptions = {},
  ) {
    this.runId = options.runId ?? awsRunId(path.basename(c.system).replace(/\.noros\.ts$/, ""));
    // Kept where `noros test --sweep --yes` looks for runs to destroy, until destroy succeeds.
    this.dir = mkdtempSync(path.join(tmpdir(), `${this.runId}-`));
    this.tfDir = this.dir;
  }

  /** `<service>_image_tag` values: "unpushed" until the image is, which only destroy may then see. */
  private readonly imageTags = new Map<string, string>();

  private get vars(): string[] {
    const images = [...this.imageTags].flatMap(([service, tag]) => ["-var", `${service}_image_tag=${tag}`]);
    return ["-var", `name_prefix=${this.runId}`, "-var", `noros_run=${this.runId}`, ...images];
  }

  private async tf(args: string[]): Promise<Run> {
    const r = await runTerraform(this.options.terraform ?? "terraform", args, this.tfDir, this.context.log, (pid) => {
      if (this.tracked) this.tracked.child = pid;
    });
    this.transcript.push(`$ terraform ${args.join(" ")} (exit ${r.code})\n${r.stderr.slice(-2000)}`);
    return r;
  }

  private async must(args: string[]): Promise<Run> {
    const r = await this.tf(args);
    if (r.code !== 0) throw new Error(`terraform ${args[0]} failed (exit ${r.code}): ${r.stderr.trim().split("\n").slice(-5).join(" / ")}`);
    return r;
  }

  /** The tier's limits, widened by the case's reasoned allowance (which is logged). */
  private sizeLimits(): SizeLimits {
    const base = this.options.sizeLimits ?? DEFAULT_SIZE_LIMITS;
    const allowed = this.c.allowSizes;
    if (!allowed) return base;
    if (allowed.reason.trim() === "") throw new Error(`case ${this.c.name}: allowSizes needs a reason`);
    this.context.log(`size guard: this case may also use ${allowed.instanceTypes.join(", ")} (${allowed.reason})`);
    return { ...base, instanceTypes: [...base.instanceTypes, ...allowed.instanceTypes] };
  }

  async deploy(): Promise<Record<string, number>> {
    const phases: Record<string, number> = {};
    let t = Date.now();
    this.context.log(`run id ${this.runId}, work directory ${this.dir}`);
    this.tfDir = this.options.write ? this.options.write(this.dir, this.c, this.context) : await compileTerraform(this.dir, this.c, this.context);
    const configuration = readConfiguration(this.tfDir);
    const oversized = oversizedResources(configuration, this.sizeLimits());
    if (oversized.length > 0) throw new Error(`refusing to apply: test runs are capped to small sizes, and ${oversized.join("; ")}`);
    phases.compile = Date.now() - t;
    t = Date.now();
    await this.must(["init", "-input=false", "-no-color"]);
    phases.init = Date.now() - t;
    t = Date.now();
    this.startedAt = t;
    this.applyStarted = true;
    const images = imagesToPush(configuration);
    for (const service of images.services) this.imageTags.set(service, "unpushed");
    makeDisposable(this.tfDir, configuration);
    this.tracked = { bin: this.options.terraform ?? "terraform", dir: this.tfDir, vars: this.vars };
    track.terraform(this.tracked);
    if (images.services.length > 0) {
      // The services need their images in ECR before they can start: the repositories first, then
      // the images, then everything else with the pushed tags.
      await this.must(["apply", "-auto-approve", "-input=false", "-no-color", ...images.repositories.map((r) => `-target=aws_ecr_repository.${r}`), ...this.vars]);
      phases.repositories = Date.now() - t;
      t = Date.now();
      const push = this.options.pushImage ?? pushWithScript;
      for (const service of images.services) this.imageTags.set(service, await push(service, { terraform: this.tfDir, run: this.dir }, this.context.log));
      this.tracked.vars = this.vars;
      phases.push = Date.now() - t;
      t = Date.now();
    }
    await this.must(["apply", "-auto-approve", "-input=false", "-no-color", ...this.vars]);
    phases.apply = Date.now() - t;
    const out = await this.must(["output", "-json"]);
    try {
      this.outputs = JSON.parse(out.stdout) as Record<string, { value: unknown }>;
    } catch {
      throw new Error(`terraform output -json printed no JSON: ${out.stdout.slice(0, 200)}`);
    }
    return phases;
  }

  url(endpoint: string): string {
    const e = parseEndpoint(endpoint);
    if (e.kind === "url") return e.url;
    if (e.kind === "service") throw new Error(`the aws tier resolves output:<name> endpoints, not ${endpoint}`);
    const value = this.outputs[e.output]?.value;
    if (typeof value !== "string") throw new Error(`terraform output ${e.output} is missing or not a string (outputs: ${Object.keys(this.outputs).join(", ") || "none"})`);
    const base = /^https?:\/\//.test(value) ? value : `http://${value}`;
    return `${base.replace(/\/+$/, "")}${e.path}`;
  }

  logs(): string {
    return this.transcript.slice(-3).join("\n");
  }

  async teardown(): Promise<TeardownResult> {
    if (!this.applyStarted) return { ok: true, detail: `nothing applied (run ${this.runId})` };
    const attempts = this.options.destroyAttempts ?? 3;
    let last: Run | undefined;
    for (let i = 1; i <= attempts; i++) {
      last = await this.tf(["destroy", "-auto-approve", "-input=false", "-no-color", ...this.vars]);
      if (last.code === 0) {
        if (this.tracked) track.forgetTerraform(this.tracked);
        rmSync(this.dir, { recursive: true, force: true });
        return { ok: true, detail: `destroyed run ${this.runId} (attempt ${i})` };
      }
      this.context.log(`destroy attempt ${i}/${attempts} failed`);
      if (i < attempts) await new Promise((r) => setTimeout(r, this.options.retryDelayMs ?? 10_000));
    }
    // Reported here; the exit cleanup need not try again.
    if (this.tracked) track.forgetTerraform(this.tracked);
    const left = await this.tf(["state", "list"]);
    const resources = left.stdout.trim();
    return {
      ok: false,
      detail: `terraform destroy failed ${attempts} times for run ${this.runId} (work directory ${this.tfDir} kept): ${last?.stderr.trim().split("\n").slice(-3).join(" / ")}; left: ${resources === "" ? "(state list printed nothing)" : resources.split("\n").join(", ")}`,
    };
  }
}

/** When a run id made by {@link awsRunId} was made (ms), if it carries its minute. */
export function runIdStartedAt(runId: string): number | undefined {
  const m = /-([0-9a-z]{5,6})[0-9a-f]{2}$/.exec(runId);
  if (!m) return undefined;
  const ms = parseInt(m[1] as string, 36) * 60_000;
  // Plausible dates only (2020 to a day ahead), so a foreign tag is not given an age.
  return ms > Date.UTC(2020, 0, 1) && ms < Date.now() + 86_400_000 ? ms : undefined;
}
