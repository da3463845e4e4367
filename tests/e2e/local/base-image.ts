/**
 * The local e2e tier's base image: Debian bookworm (minbase), made here with debootstrap because no
 * public image registry is reachable, and imported as {@link BASE_IMAGE}. Generated Dockerfiles
 * start with `ARG BASE_IMAGE=<pinned public image>` / `FROM ${BASE_IMAGE}`; the local tier builds
 * them with `--build-arg BASE_IMAGE=localhost/noros-base:bookworm`.
 *
 * Made once and kept: in container storage, and as a rootfs tarball under the noros cache
 * directory so that a wiped image store re-imports in seconds instead of re-running debootstrap.
 * A lock file makes concurrent runs (parallel test files, two terminals) wait for one builder.
 */
import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { homedir, hostname } from "node:os";
import path from "node:path";

export const BASE_IMAGE = "localhost/noros-base:bookworm";
export const BASE_SUITE = "bookworm";
/** The public image the generated Dockerfiles pin, which the local tier replaces. */
export const BASE_IMAGE_BUILD_ARG = "BASE_IMAGE";

export interface BaseImageOptions {
  /** Progress lines; defaults to stderr with a `[noros-base]` prefix. */
  readonly log?: (line: string) => void;
  /** Defaults to `$XDG_CACHE_HOME/noros` or `~/.cache/noros`. */
  readonly cacheDir?: string;
  /** Debian mirror for debootstrap; defaults to `$NOROS_DEBIAN_MIRROR` or deb.debian.org. */
  readonly mirror?: string;
  /** How long to wait for another process holding the lock; default 30 minutes. */
  readonly lockTimeoutMs?: number;
}

export function cacheDirectory(): string {
  const xdg = process.env.XDG_CACHE_HOME;
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(homedir(), ".cache"), "noros");
}

/** Returns {@link BASE_IMAGE}, creating it first if the image store does not have it. */
export async function ensureBaseImage(options: BaseImageOptions = {}): Promise<string> {
  const log = options.log ?? ((line: string) => process.stderr.write(`[noros-base] ${line}\n`));
  if (await imageExists(BASE_IMAGE)) return BASE_IMAGE;

  const cacheDir = options.cacheDir ?? cacheDirectory();
  mkdirSync(cacheDir, { recursive: true });
  const release = await acquireLock(path.join(cacheDir, "base-image.lock"), options.lockTimeoutMs ?? 30 * 60_000, log);
  try {
    // Another run may have made it while we waited for the lock.
    if (await imageExists(BASE_IMAGE)) return BASE_IMAGE;
    removeAbandonedRootfs(cacheDir, log);
    const tarball = path.join(cacheDir, `noros-base-${BASE_SUITE}.tar`);
    if (!existsSync(tarball)) await makeRootfsTarball(tarball, cacheDir, options.mirror ?? defaultMirror(), log);
    else log(`reusing cached rootfs ${tarball}`);
    const started = Date.now();
    log(`importing ${tarball} as ${BASE_IMAGE}`);
    await run("podman", [
      "import",
      "--change", 'CMD ["/bin/bash"]',
      "--change", "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      "--change", `LABEL io.noros.base=${BASE_SUITE}`,
      tarball,
      BASE_IMAGE,
    ]);
    log(`imported in ${seconds(Date.now() - started)}`);
    return BASE_IMAGE;
  } finally {
    release();
  }
}

function defaultMirror(): string {
  return process.env.NOROS_DEBIAN_MIRROR ?? "http://deb.debian.org/debian";
}

async function makeRootfsTarball(tarball: string, cacheDir: string, mirror: string, log: (line: string) => void): Promise<void> {
  if (typeof process.getuid === "function" && process.getuid() !== 0) {
    throw new Error("creating the base image runs debootstrap, which needs root");
  }
  const rootfs = path.join(cacheDir, `rootfs-${BASE_SUITE}.${process.pid}`);
  rmSync(rootfs, { recursive: true, force: true });
  const started = Date.now();
  log(`debootstrap --variant=minbase ${BASE_SUITE} from ${mirror} (takes a while the first time)`);
  try {
    let retrieved = 0;
    await run("debootstrap", ["--variant=minbase", BASE_SUITE, rootfs, mirror], (line) => {
      // debootstrap prints a line per package; report every 20th retrieval and every phase change.
      if (line.startsWith("I: Retrieving ") || line.startsWith("I: Validating ")) {
        if (line.startsWith("I: Retrieving ") && ++retrieved % 20 === 0) log(`debootstrap: ${retrieved} packages retrieved`);
        return;
      }
      if (line.startsWith("I: Extracting ") || line.startsWith("I: Unpacking ") || line.startsWith("I: Configuring ")) return;
      log(`debootstrap: ${line}`);
    });
    log(`debootstrap finished in ${seconds(Date.now() - started)}`);
    // Package caches are dead weight in every image built on top.
    for (const dir of ["var/cache/apt/archives", "var/lib/apt/lists"]) {
      rmSync(path.join(rootfs, dir), { recursive: true, force: true });
      mkdirSync(path.join(rootfs, dir, "partial"), { recursive: true });
    }
    const partial = `${tarball}.${process.pid}.partial`;
    await run("tar", [
      "--numeric-owner", "--xattrs", "-C", rootfs,
      "--exclude=./dev/*", "--exclude=./proc/*", "--exclude=./sys/*", "--exclude=./run/*", "--exclude=./tmp/*",
      "-cf", partial, ".",
    ]);
    renameSync(partial, tarball);
    log(`rootfs tarball ${tarball} (${Math.round(statSync(tarball).size / 2 ** 20)} MiB)`);
  } finally {
    rmSync(rootfs, { recursive: true, force: true });
  }
}

/** Rootfs directories of runs killed mid-debootstrap (their pid is gone): 200 MB each. */
function removeAbandonedRootfs(cacheDir: string, log: (line: string) => void): void {
  for (const entry of readdirSync(cacheDir)) {
    const m = new RegExp(`^rootfs-${BASE_SUITE}\\.(\\d+)$`).exec(entry);
    if (!m || alive(Number(m[1]))) continue;
    log(`removing abandoned ${entry}`);
    rmSync(path.join(cacheDir, entry), { recursive: true, force: true });
  }
}

async function imageExists(image: string): Promise<boolean> {
  try {
    await run("podman", ["image", "exists", image]);
    return true;
  } catch {
    return false;
  }
}

/**
 * An exclusive lock file holding the owner's pid and host. A lock whose owner is gone (crashed,
 * killed) is taken over; a live owner is waited for.
 */
async function acquireLock(file: string, timeoutMs: number, log: (line: string) => void): Promise<() => void> {
  const deadline = Date.now() + timeoutMs;
  let announced = false;
  for (;;) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, `${process.pid} ${hostname()}\n`);
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    const owner = readLockOwner(file);
    if (owner && owner.host === hostname() && !alive(owner.pid)) {
      log(`removing stale lock ${file} (pid ${owner.pid} is gone)`);
      rmSync(file, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${file} (held by ${owner ? `pid ${owner.pid}` : "unknown"})`);
    if (!announced) {
      log(`waiting for pid ${owner?.pid ?? "?"}, which is creating the base image`);
      announced = true;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

function readLockOwner(file: string): { pid: number; host: string } | undefined {
  try {
    const [pid, host] = readFileSync(file, "utf8").trim().split(/\s+/);
    const n = Number(pid);
    return Number.isInteger(n) && n > 0 ? { pid: n, host: host ?? "" } : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

/** Runs a program (no shell), streaming its output lines to `onLine`; rejects on a non-zero exit. */
function run(cmd: string, args: readonly string[], onLine?: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
    let tail = "";
    let pending = "";
    const take = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      tail = (tail + text).slice(-4000);
      if (!onLine) return;
      pending += text;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const l of lines) if (l.trim() !== "") onLine(l.trimEnd());
    };
    child.stdout.on("data", take);
    child.stderr.on("data", take);
    child.on("error", (err) => reject(new Error(`${cmd}: ${err.message}`)));
    child.on("close", (code, signal) => {
      if (onLine && pending.trim() !== "") onLine(pending.trimEnd());
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(" ")} exited with ${code ?? signal}:\n${tail}`));
    });
  });
}
