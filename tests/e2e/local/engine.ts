/**
 * The local e2e tier's container engine: builds generated Dockerfiles with buildah and runs the
 * images on the host's loopback.
 *
 * Two ways to run, same contract:
 * - `podman`: a real `podman run`, which applies the image's ENTRYPOINT/CMD/ENV/WORKDIR/USER itself.
 *   It needs the runc runtime (crun refuses this machine's hybrid cgroup layout) and explicit
 *   `--ulimit`s no higher than the sandbox allows (podman's defaults raise RLIMIT_NOFILE and
 *   RLIMIT_NPROC, which fails without CAP_SYS_RESOURCE).
 * - `buildah`: `buildah from` + `buildah run --isolation chroot`, for machines where `podman run`
 *   cannot start containers. `buildah run` applies none of CMD/ENTRYPOINT, so they (and ENV,
 *   WORKDIR, USER) are read from the image config and passed explicitly.
 *
 * Both use the host network: a container listens on 127.0.0.1:<port> directly, with no port
 * mapping and no bridge. Every process started is a process-group leader tracked in a registry;
 * {@link installCleanupOnSignals} makes SIGINT/SIGTERM/SIGHUP kill those groups and remove the
 * containers. Containers and images are named `noros-e2e-…` so {@link sweepLocal} can find leftovers.
 */
import { spawn, spawnSync } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { request } from "undici";

export const E2E_PREFIX = "noros-e2e-";
export const E2E_LABEL = "io.noros.e2e";

export type Availability = { ok: true } | { ok: false; reason: string };

export interface BuildOptions {
  readonly contextDir: string;
  /** Path of the Dockerfile, absolute or relative to `contextDir`. */
  readonly dockerfile: string;
  /** Must start with `noros-e2e-` (optionally after `localhost/`). */
  readonly tag: string;
  readonly buildArgs?: Readonly<Record<string, string>>;
  /** Build only up to this stage (`--target`). */
  readonly target?: string;
  /** Default 15 minutes. */
  readonly timeoutMs?: number;
}

export type BuildResult =
  | { readonly ok: true; readonly tag: string; readonly imageId: string; readonly log: string; readonly durationMs: number }
  | { readonly ok: false; readonly tag: string; readonly log: string; readonly durationMs: number; readonly exitCode: number | null };

export interface RunOptions {
  readonly image: string;
  /** Container name; `noros-e2e-` is prepended when missing. */
  readonly name: string;
  readonly env?: Readonly<Record<string, string>>;
  /** Replaces the image's CMD (the ENTRYPOINT still applies), as `docker run IMAGE cmd…` does. */
  readonly command?: readonly string[];
  /** Where the container listens on 127.0.0.1 (host network). Exported to it as PORT unless `env` sets PORT. */
  readonly port: number;
}

export interface RunningContainer {
  readonly name: string;
  readonly port: number;
  /** The engine client's process id, which leads the process group holding the container's processes. */
  readonly pid: number;
  /** Date.now() when the process was spawned. */
  readonly startedAt: number;
  /** SIGTERM, then SIGKILL after a grace period; resolves once the process has exited. Idempotent. */
  stop(): Promise<void>;
  /** Everything the container printed so far (stdout and stderr interleaved, last 1 MiB). */
  logs(): string;
  /** The exit code, or null when it ended by a signal. */
  readonly exited: Promise<number | null>;
}

export interface ContainerEngine {
  readonly kind: EngineKind;
  available(): Promise<Availability>;
  build(opts: BuildOptions): Promise<BuildResult>;
  run(opts: RunOptions): Promise<RunningContainer>;
  /** Stops the container if it still runs and removes it. */
  remove(container: RunningContainer): Promise<void>;
  removeImage(tag: string): Promise<void>;
}

export type EngineKind = "podman" | "buildah";

/** The image settings that decide what a container runs, as `buildah inspect` reports them. */
export interface ImageConfig {
  readonly env: readonly string[];
  readonly entrypoint: readonly string[];
  readonly cmd: readonly string[];
  readonly workingDir: string;
  readonly user: string;
}

// ---------------------------------------------------------------------------------------------
// Registry of everything started, for cleanup on signals and at exit.

interface Tracked {
  readonly child: ChildProcess;
  readonly pgid: number;
}

const processes = new Set<Tracked>();
const containers = new Map<string, EngineKind>();

function track(child: ChildProcess): Tracked {
  const entry: Tracked = { child, pgid: child.pid as number };
  processes.add(entry);
  child.once("exit", () => {
    // The leader is gone, but a grandchild could still hold the group: kill the rest.
    killGroup(entry.pgid, "SIGKILL");
    processes.delete(entry);
  });
  return entry;
}

function killGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

/** True while any process of the group is alive. */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether a process still runs (a zombie waiting to be reaped does not). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    return state !== "Z" && state !== "X";
  } catch {
    return false;
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Kills every tracked process group and removes every tracked container, synchronously (it also
 * runs from the `exit` event). Each group leader (a buildah or podman client) first gets SIGTERM
 * and up to 5 s to clean up after itself: a `buildah build` killed outright leaves its
 * intermediate working container behind, one given SIGTERM removes it. Then SIGKILL for the rest.
 */
export function cleanupAllSync(): void {
  const leaders = [...processes].map((p) => p.pgid);
  for (const pid of leaders) {
    try {
      process.kill(pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline && leaders.some(running)) sleepSync(50);
  for (const pgid of leaders) killGroup(pgid, "SIGKILL");
  processes.clear();
  for (const [name, kind] of containers) {
    if (kind === "podman") spawnSync("podman", ["rm", "--force", "--time", "0", name], { stdio: "ignore" });
    else {
      killProcessesInBuildahContainer(name);
      spawnSync("buildah", ["rm", name], { stdio: "ignore" });
    }
  }
  containers.clear();
}

export async function cleanupAll(): Promise<void> {
  cleanupAllSync();
}

let signalsInstalled = false;

/**
 * On SIGINT, SIGTERM or SIGHUP: kill every tracked process group, remove every tracked container,
 * then exit with 128 + the signal number. At normal exit, whatever is still tracked is killed and
 * removed too. Idempotent.
 */
export function installCleanupOnSignals(): void {
  if (signalsInstalled) return;
  signalsInstalled = true;
  const numbers: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      cleanupAllSync();
      process.exit(128 + (numbers[signal] ?? 0));
    });
  }
  process.once("exit", cleanupAllSync);
}

// ---------------------------------------------------------------------------------------------
// Engines.

/**
 * The preferred engine that works here: `NOROS_E2E_ENGINE` (podman or buildah) if set, else podman
 * when a probe `podman run` of `probeImage` succeeds, else buildah.
 */
export async function createEngine(probeImage?: string): Promise<ContainerEngine> {
  const forced = process.env.NOROS_E2E_ENGINE;
  if (forced === "podman" || forced === "buildah") return engine(forced);
  if (forced !== undefined && forced !== "") throw new Error(`NOROS_E2E_ENGINE must be podman or buildah, got ${forced}`);
  const podman = new PodmanEngine();
  if ((await podman.available()).ok && (probeImage === undefined || (await podman.probe(probeImage)).ok)) return podman;
  return new BuildahEngine();
}

export function engine(kind: EngineKind): ContainerEngine {
  return kind === "podman" ? new PodmanEngine() : new BuildahEngine();
}

abstract class BuildahBuilds {
  abstract readonly kind: EngineKind;
  abstract available(): Promise<Availability>;
  abstract run(opts: RunOptions): Promise<RunningContainer>;
  abstract remove(container: RunningContainer): Promise<void>;

  async build(opts: BuildOptions): Promise<BuildResult> {
    const tag = checkTag(opts.tag);
    const args = [
      "build",
      "--isolation", "chroot",
      // Cache layers: the apt-get step of an unchanged Dockerfile is not redone on the next run.
      "--layers",
      "--force-rm",
      "--pull=never",
      "--label", `${E2E_LABEL}=1`,
      "-f", path.resolve(opts.contextDir, opts.dockerfile),
      "-t", tag,
    ];
    for (const [k, v] of Object.entries(opts.buildArgs ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) args.push("--build-arg", `${k}=${v}`);
    if (opts.target !== undefined) args.push("--target", opts.target);
    args.push(opts.contextDir);
    const started = Date.now();
    const result = await exec("buildah", args, { timeoutMs: opts.timeoutMs ?? 15 * 60_000 });
    const durationMs = Date.now() - started;
    if (result.code !== 0) return { ok: false, tag, log: result.output, durationMs, exitCode: result.code };
    const id = await exec("buildah", ["inspect", "--type", "image", "--format", "{{.FromImageID}}", tag]);
    return { ok: true, tag, imageId: id.stdout.trim(), log: result.output, durationMs };
  }

  async removeImage(tag: string): Promise<void> {
    checkTag(tag);
    await exec("buildah", ["rmi", "--force", tag]);
  }
}

class BuildahEngine extends BuildahBuilds implements ContainerEngine {
  readonly kind = "buildah" as const;

  async available(): Promise<Availability> {
    return commandWorks("buildah", ["--version"], "buildah is not installed (apt-get install buildah)");
  }

  async run(opts: RunOptions): Promise<RunningContainer> {
    const name = containerName(opts.name);
    const config = await imageConfig(opts.image);
    const argv = [...config.entrypoint, ...(opts.command ?? config.cmd)];
    if (argv.length === 0) throw new Error(`${opts.image} has no ENTRYPOINT or CMD and no command was given`);
    containers.set(name, "buildah");
    const from = await exec("buildah", ["from", "--pull=never", "--name", name, opts.image]);
    if (from.code !== 0) {
      containers.delete(name);
      throw new Error(`buildah from ${opts.image} failed:\n${from.output}`);
    }
    const args = ["run", "--isolation", "chroot", "--network", "host"];
    for (const kv of mergeEnv(config.env, opts)) args.push("--env", kv);
    if (config.workingDir !== "") args.push("--workingdir", config.workingDir);
    if (config.user !== "") args.push("--user", config.user);
    args.push(name, "--", ...argv);
    return start("buildah", args, name, opts.port);
  }

  async remove(container: RunningContainer): Promise<void> {
    await container.stop();
    killProcessesInBuildahContainer(container.name);
    const rm = await exec("buildah", ["rm", container.name]);
    if (rm.code !== 0 && !/not found|no such|unknown/i.test(rm.output)) throw new Error(`buildah rm ${container.name}: ${rm.output}`);
    containers.delete(container.name);
  }
}

class PodmanEngine extends BuildahBuilds implements ContainerEngine {
  readonly kind = "podman" as const;

  async available(): Promise<Availability> {
    const podman = await commandWorks("podman", ["--version"], "podman is not installed (apt-get install podman)");
    if (!podman.ok) return podman;
    return commandWorks("runc", ["--version"], "runc is not installed (apt-get install runc); crun cannot start containers here");
  }

  /** Whether `podman run` can start a container here at all. */
  async probe(image: string): Promise<Availability> {
    const r = await exec("podman", ["run", "--rm", ...this.runFlags(), image, "true"], { timeoutMs: 60_000 });
    return r.code === 0 ? { ok: true } : { ok: false, reason: `podman run fails here: ${r.output.trim().split("\n").pop() ?? ""}` };
  }

  async run(opts: RunOptions): Promise<RunningContainer> {
    const name = containerName(opts.name);
    const args = ["run", "--name", name, "--label", `${E2E_LABEL}=1`, ...this.runFlags()];
    // The image's own ENV is applied by podman; only the run's variables are added.
    for (const kv of mergeEnv([], opts)) args.push("--env", kv);
    args.push(opts.image, ...(opts.command ?? []));
    containers.set(name, "podman");
    return start("podman", args, name, opts.port);
  }

  async remove(container: RunningContainer): Promise<void> {
    await container.stop();
    const rm = await exec("podman", ["rm", "--force", "--time", "0", container.name]);
    if (rm.code !== 0 && !/no such container/i.test(rm.output)) throw new Error(`podman rm ${container.name}: ${rm.output}`);
    containers.delete(container.name);
  }

  private runFlags(): string[] {
    const limits = ownLimits();
    return [
      "--runtime", "runc",
      // catatonit as PID 1 forwards SIGTERM; a server that is PID 1 itself would ignore it.
      "--init",
      "--network", "host",
      "--pull", "never",
      "--ulimit", `nofile=${limits.nofile}:${limits.nofile}`,
      "--ulimit", `nproc=${limits.nproc}:${limits.nproc}`,
    ];
  }
}

/**
 * podman raises RLIMIT_NOFILE/NPROC by default, which this sandbox refuses (no CAP_SYS_RESOURCE);
 * conmon also runs with RLIMIT_NPROC at pid_max. Ask for what the caller already has, capped there.
 */
function ownLimits(): { nofile: number; nproc: number } {
  const limits = readFileSync("/proc/self/limits", "utf8");
  const hard = (label: string, fallback: number) => {
    const m = new RegExp(`^${label}\\s+\\S+\\s+(\\S+)`, "m").exec(limits);
    const v = m?.[1];
    return v === undefined || v === "unlimited" ? fallback : Number(v);
  };
  let pidMax = 32768;
  try {
    pidMax = Number(readFileSync("/proc/sys/kernel/pid_max", "utf8").trim()) || pidMax;
  } catch {
    // keep the default
  }
  return { nofile: Math.min(hard("Max open files", 1024), 1 << 20), nproc: Math.min(hard("Max processes", pidMax), pidMax) };
}

function mergeEnv(imageEnv: readonly string[], opts: RunOptions): string[] {
  const env = new Map<string, string>();
  for (const kv of imageEnv) {
    const i = kv.indexOf("=");
    if (i > 0) env.set(kv.slice(0, i), kv.slice(i + 1));
  }
  if (opts.env?.PORT === undefined) env.set("PORT", String(opts.port));
  for (const [k, v] of Object.entries(opts.env ?? {})) env.set(k, v);
  return [...env].map(([k, v]) => `${k}=${v}`);
}

interface OciConfig {
  Env?: string[] | null;
  Entrypoint?: string[] | null;
  Cmd?: string[] | null;
  WorkingDir?: string;
  User?: string;
  Labels?: Record<string, string> | null;
}

/** The image's OCI config, from `buildah inspect` (whose Go templates have no `json` function). */
async function ociConfig(image: string): Promise<OciConfig> {
  const r = await exec("buildah", ["inspect", "--type", "image", image]);
  if (r.code !== 0) throw new Error(`buildah inspect ${image} failed:\n${r.output}`);
  return (JSON.parse(r.stdout) as { OCIv1?: { config?: OciConfig } }).OCIv1?.config ?? {};
}

/** Reads the image config (ENV, ENTRYPOINT, CMD, WORKDIR, USER) with `buildah inspect`. */
export async function imageConfig(image: string): Promise<ImageConfig> {
  const c = await ociConfig(image);
  return { env: c.Env ?? [], entrypoint: c.Entrypoint ?? [], cmd: c.Cmd ?? [], workingDir: c.WorkingDir ?? "", user: c.User ?? "" };
}

/** Image labels, as `buildah inspect` reports them. */
export async function imageLabels(image: string): Promise<Record<string, string>> {
  return (await ociConfig(image)).Labels ?? {};
}

function start(cmd: string, args: readonly string[], name: string, port: number): RunningContainer {
  // detached: the child leads a new process group, so the whole tree can be signalled at once.
  const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], detached: true });
  if (child.pid === undefined) {
    containers.delete(name);
    throw new Error(`could not start ${cmd}`);
  }
  const startedAt = Date.now();
  const tracked = track(child);
  let log = "";
  const append = (chunk: Buffer) => {
    log += chunk.toString("utf8");
    if (log.length > 2 ** 20) log = log.slice(-(2 ** 20));
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const exited = new Promise<number | null>((resolve) => {
    child.once("error", (err) => {
      append(Buffer.from(`\n${cmd}: ${err.message}\n`));
      resolve(null);
    });
    child.once("exit", (code) => resolve(code));
  });
  let stopping: Promise<void> | undefined;
  return {
    name,
    port,
    pid: tracked.pgid,
    startedAt,
    logs: () => log,
    exited,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          if (cmd === "podman") {
            // The client proxies signals, but `podman stop` reaches the container even if it did not.
            await exec("podman", ["stop", "--time", "5", name], { timeoutMs: 30_000 });
          }
          killGroup(tracked.pgid, "SIGTERM");
          const timer = setTimeout(() => killGroup(tracked.pgid, "SIGKILL"), 10_000);
          await exited;
          clearTimeout(timer);
        }
        killGroup(tracked.pgid, "SIGKILL");
      })();
      return stopping;
    },
  };
}

/**
 * Kills the processes running inside a buildah working container. `buildah run --isolation chroot`
 * chroots into a bind mount (under /var/tmp/buildah…/mnt/rootfs) in a private mount namespace, so
 * such a process is recognised by its root mount: an overlay whose upper directory is the
 * container's layer (the one mounted at the container's MountPoint, `<layer>/merged`). Used when a
 * `buildah run` client is gone (killed by SIGKILL, or a crashed earlier run) but its tree is not.
 */
function killProcessesInBuildahContainer(name: string): number {
  const r = spawnSync("buildah", ["inspect", "--type", "container", "--format", "{{.MountPoint}}", name], { encoding: "utf8" });
  const mountPoint = r.status === 0 ? r.stdout.trim() : "";
  if (mountPoint === "") return 0;
  const upper = `upperdir=${path.dirname(mountPoint)}/diff`;
  let killed = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const inside =
        readlinkSync(`/proc/${entry}/root`) === mountPoint ||
        readFileSync(`/proc/${entry}/mountinfo`, "utf8")
          .split("\n")
          .some((line) => line.split(" ")[4] === "/" && line.includes(upper));
      if (inside) {
        process.kill(Number(entry), "SIGKILL");
        killed++;
      }
    } catch {
      // gone already, or not ours to read
    }
  }
  return killed;
}

// ---------------------------------------------------------------------------------------------
// Sweeping leftovers.

export interface SweepReport {
  readonly containers: readonly string[];
  readonly images: readonly string[];
}

/**
 * Removes every container named `noros-e2e-…` (podman's and buildah's working containers, killing
 * processes still running in them) and, with `images: true`, every image tagged `noros-e2e-…`.
 * For when nothing of the local tier is running: a concurrent run's containers would go too.
 * `prefix` narrows it (it must start with `noros-e2e-`).
 */
export async function sweepLocal(options: { images?: boolean; prefix?: string } = {}): Promise<SweepReport> {
  const prefix = options.prefix ?? E2E_PREFIX;
  if (!prefix.startsWith(E2E_PREFIX)) throw new Error(`sweep prefix must start with ${E2E_PREFIX}`);
  const removedContainers: string[] = [];
  const ps = await exec("podman", ["ps", "--all", "--format", "{{.Names}}"]);
  for (const name of lines(ps.stdout).filter((n) => n.startsWith(prefix))) {
    await exec("podman", ["rm", "--force", "--time", "0", name]);
    removedContainers.push(name);
  }
  for (const name of await buildahContainerNames()) {
    if (!name.startsWith(prefix) || removedContainers.includes(name)) continue;
    killProcessesInBuildahContainer(name);
    await exec("buildah", ["rm", name]);
    removedContainers.push(name);
  }
  const removedImages: string[] = [];
  if (options.images) {
    const imgs = await exec("buildah", ["images", "--format", "{{.Name}}:{{.Tag}}"]);
    for (const ref of lines(imgs.stdout)) {
      if (!path.posix.basename(ref).startsWith(prefix)) continue;
      await exec("buildah", ["rmi", "--force", ref]);
      removedImages.push(ref);
    }
  }
  return { containers: removedContainers, images: removedImages };
}

/** Names of buildah's working containers (podman's containers included, as buildah lists them). */
export async function buildahContainerNames(): Promise<string[]> {
  const r = await exec("buildah", ["containers", "--all", "--format", "{{.ContainerName}}"]);
  return lines(r.stdout);
}

/** Names of podman's containers, running or not. */
export async function podmanContainerNames(): Promise<string[]> {
  const r = await exec("podman", ["ps", "--all", "--format", "{{.Names}}"]);
  return lines(r.stdout);
}

// ---------------------------------------------------------------------------------------------
// Helpers for tests.

/** A TCP port free on 127.0.0.1 right now (the OS picks it). */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error("no port"))));
    });
  });
}

export interface HttpAnswer {
  readonly status: number;
  readonly body: string;
  /** Milliseconds from `since` (default: the first attempt) to this answer. */
  readonly afterMs: number;
}

/**
 * Polls `url` (a loopback address) until it answers with any HTTP status, the container exits, or
 * `timeoutMs` passes. Bounded: one attempt every 100 ms, each with a 2 s timeout.
 */
export async function waitForHttp(
  url: string,
  options: { timeoutMs?: number; container?: RunningContainer; since?: number } = {},
): Promise<HttpAnswer> {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "[::1]"].includes(host)) throw new Error(`waitForHttp only targets loopback, not ${host}`);
  const since = options.since ?? Date.now();
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let exitCode: number | null | undefined;
  void options.container?.exited.then((c) => (exitCode = c));
  let lastError = "";
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`container exited (${exitCode}) before answering ${url}:\n${options.container?.logs() ?? ""}`);
    try {
      const res = await request(url, { headersTimeout: 2000, bodyTimeout: 2000 });
      const body = await res.body.text();
      return { status: res.statusCode, body, afterMs: Date.now() - since };
    } catch (err) {
      lastError = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no answer from ${url} within ${options.timeoutMs ?? 30_000} ms (${lastError})\n${options.container?.logs() ?? ""}`);
}

// ---------------------------------------------------------------------------------------------
// Process plumbing.

interface ExecResult {
  readonly code: number | null;
  readonly stdout: string;
  /** stdout and stderr interleaved. */
  readonly output: string;
}

/** Runs a program without a shell, tracked so a signal kills it too. */
function exec(cmd: string, args: readonly string[], options: { timeoutMs?: number } = {}): Promise<ExecResult> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], detached: true });
    let stdout = "";
    let output = "";
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString("utf8");
      output += c.toString("utf8");
    });
    child.stderr.on("data", (c: Buffer) => (output += c.toString("utf8")));
    if (child.pid !== undefined) track(child);
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            output += `\n[stopped after ${options.timeoutMs} ms]\n`;
            if (child.pid === undefined) return;
            // SIGTERM to the client first, so a build can remove its working container.
            try {
              process.kill(child.pid, "SIGTERM");
            } catch {
              // already gone
            }
            setTimeout(() => killGroup(child.pid as number, "SIGKILL"), 10_000).unref();
          }, options.timeoutMs);
    child.once("error", (err) => {
      if (timer) clearTimeout(timer);
      resolve({ code: null, stdout, output: `${output}${cmd}: ${err.message}` });
    });
    child.once("close", (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code, stdout, output });
    });
  });
}

async function commandWorks(cmd: string, args: readonly string[], reason: string): Promise<Availability> {
  const r = await exec(cmd, args, { timeoutMs: 30_000 });
  return r.code === 0 ? { ok: true } : { ok: false, reason };
}

function containerName(name: string): string {
  const full = name.startsWith(E2E_PREFIX) ? name : `${E2E_PREFIX}${name}`;
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(full)) throw new Error(`container name ${JSON.stringify(name)} has characters podman refuses`);
  return full;
}

function checkTag(tag: string): string {
  const bare = tag.startsWith("localhost/") ? tag.slice("localhost/".length) : tag;
  if (!bare.startsWith(E2E_PREFIX) || !/^[a-z0-9][a-z0-9._-]*(:[A-Za-z0-9_][A-Za-z0-9_.-]*)?$/.test(bare)) {
    throw new Error(`image tag ${JSON.stringify(tag)} must be ${E2E_PREFIX}<name>[:tag], so leftovers can be swept`);
  }
  return tag.startsWith("localhost/") ? tag : `localhost/${tag}`;
}

function lines(text: string): string[] {
  return text.split("\n").map((l) => l.trim()).filter((l) => l !== "");
}
