/**
 * The local container engine against a real buildah/podman: build an image from a Dockerfile the
 * noros printer wrote, run it on a loopback port, talk HTTP to it, and check nothing is left
 * behind — also when the process that started the container is killed with SIGTERM.
 *
 * Skipped (with the reason printed) when buildah, podman or debootstrap is missing and CI is unset;
 * failing when CI is set, since CI is where the local tier must run.
 */
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { printDockerfile } from "../../../targets/docker/dockerfile.js";
import { printDockerignore } from "../../../targets/docker/dockerignore.js";
import { BASE_IMAGE, BASE_IMAGE_BUILD_ARG, ensureBaseImage } from "./base-image.js";
import {
  buildahContainerNames,
  cleanupAll,
  engine as engineOfKind,
  freeLoopbackPort,
  groupAlive,
  imageConfig,
  imageLabels,
  installCleanupOnSignals,
  podmanContainerNames,
  sweepLocal,
  waitForHttp,
} from "./engine.js";
import type { ContainerEngine, EngineKind, RunningContainer } from "./engine.js";

const REQUIRED = ["buildah", "podman", "debootstrap"] as const;
const missing = REQUIRED.filter((cmd) => spawnSync(cmd, ["--version"], { stdio: "ignore" }).error !== undefined);
const notRoot = typeof process.getuid === "function" && process.getuid() !== 0;
const unavailable = missing.length > 0 ? `${missing.join(", ")} not installed (apt-get install podman buildah debootstrap runc)` : notRoot ? "not running as root" : "";
const inCI = Boolean(process.env.CI);

if (unavailable !== "" && !inCI) console.log(`[local engine] skipping the local container engine tests: ${unavailable}`);

describe.runIf(unavailable !== "" && inCI)("local container engine (CI)", () => {
  it("has the tools the local tier needs", () => {
    expect.fail(`CI must run the local tier, but ${unavailable}`);
  });
});

/** A value that breaks naive Dockerfile quoting; checked to arrive intact in the image and at run time. */
const HOSTILE = `q"uote \\back\\ $HOME \${PATH} 'single' é 😀 tail\\`;
const TAG = "localhost/noros-e2e-engine-test:latest";

const timings: Record<string, string> = {};
const repoRoot = path.resolve(import.meta.dirname, "..", "..", "..");
const ms = (n: number) => `${(n / 1000).toFixed(2)}s`;

describe.skipIf(unavailable !== "")("local container engine", () => {
  let context = "";
  const engines: ContainerEngine[] = [];

  beforeAll(async () => {
    installCleanupOnSignals();
    let t = Date.now();
    await ensureBaseImage();
    timings["ensureBaseImage"] = ms(Date.now() - t);

    context = mkdtempSync(path.join(tmpdir(), "noros-engine-"));
    writeFileSync(
      path.join(context, "serve.sh"),
      [
        "#!/bin/sh",
        "set -eu",
        'printf "%s\\n" "greeting=$GREETING" "uid=$(id -u)" "cwd=$(pwd)" "arg=${1:-}" "hostile=$HOSTILE" "ctx=$(ls /ctx | tr "\\n" " ")" > index.html',
        'echo "serving on 127.0.0.1:$PORT"',
        'exec busybox httpd -f -v -p "127.0.0.1:$PORT" -h .',
        "",
      ].join("\n"),
    );
    chmodSync(path.join(context, "serve.sh"), 0o755);
    writeFileSync(path.join(context, "secret.txt"), "must not reach the image\n");
    writeFileSync(path.join(context, ".dockerignore"), printDockerignore(["secret.txt", "*.log"]));
    writeFileSync(
      path.join(context, "Dockerfile"),
      printDockerfile(
        [
          {
            from: { image: { arg: BASE_IMAGE_BUILD_ARG } },
            instructions: [
              { kind: "run", shell: ["apt-get update", "apt-get install -y --no-install-recommends busybox", "rm -rf /var/lib/apt/lists/*"] },
              { kind: "run", exec: ["mkdir", "-p", "/srv/www"] },
              { kind: "run", exec: ["chown", "1000:1000", "/srv/www"] },
              { kind: "copy", sources: ["serve.sh"], dest: "/usr/local/bin/serve.sh" },
              { kind: "copy", sources: ["."], dest: "/ctx/" },
              { kind: "env", vars: { GREETING: "hello from noros", HOSTILE } },
              { kind: "label", labels: { "io.noros.hostile": HOSTILE } },
              { kind: "workdir", path: "/srv/www" },
              { kind: "user", user: "1000:1000" },
              { kind: "expose", port: 8080 },
              { kind: "entrypoint", exec: ["/bin/sh", "/usr/local/bin/serve.sh"] },
              { kind: "cmd", exec: ["from-cmd"] },
            ],
          },
        ],
        { args: [{ kind: "arg", name: BASE_IMAGE_BUILD_ARG, default: "docker.io/library/debian:bookworm-slim" }] },
      ),
    );

    const builder = engineOfKind("buildah");
    t = Date.now();
    const built = await builder.build({ contextDir: context, dockerfile: "Dockerfile", tag: TAG, buildArgs: { [BASE_IMAGE_BUILD_ARG]: BASE_IMAGE } });
    timings["build"] = ms(Date.now() - t);
    if (!built.ok) throw new Error(`build failed (${built.exitCode}):\n${built.log}`);

    for (const kind of ["podman", "buildah"] as const) {
      const e = engineOfKind(kind);
      const avail = await e.available();
      const probe = kind === "podman" && avail.ok ? await (e as ContainerEngine & { probe(i: string): Promise<typeof avail> }).probe(BASE_IMAGE) : avail;
      if (probe.ok) engines.push(e);
      else console.log(`[local engine] ${kind} engine not usable here: ${probe.ok ? "" : probe.reason}`);
    }
  });

  afterAll(async () => {
    await cleanupAll();
    if (context !== "") rmSync(context, { recursive: true, force: true });
    console.log(`[local engine] timings: ${JSON.stringify(timings)}`);
  });

  it("builds with ENV and LABEL values exactly as printed, and honours .dockerignore", async () => {
    const config = await imageConfig(TAG);
    expect(config.env).toContain(`HOSTILE=${HOSTILE}`);
    expect(config.env).toContain("GREETING=hello from noros");
    expect((await imageLabels(TAG))["io.noros.hostile"]).toBe(HOSTILE);
    expect(config).toMatchObject({ entrypoint: ["/bin/sh", "/usr/local/bin/serve.sh"], cmd: ["from-cmd"], workingDir: "/srv/www", user: "1000:1000" });
  });

  it("reports a failing build with its log", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "noros-engine-fail-"));
    try {
      writeFileSync(
        path.join(dir, "Dockerfile"),
        printDockerfile([{ from: { image: BASE_IMAGE }, instructions: [{ kind: "run", exec: ["/bin/sh", "-c", "echo doomed-step >&2; exit 3"] }] }]),
      );
      const r = await engineOfKind("buildah").build({ contextDir: dir, dockerfile: "Dockerfile", tag: "noros-e2e-engine-fail" });
      expect(r.ok).toBe(false);
      expect(r.log).toContain("doomed-step");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("sweeps leftover containers, killing processes orphaned inside buildah's", async () => {
    const prefix = `noros-e2e-sweep-${process.pid}-`;
    const orphanHost = `${prefix}buildah`;
    expect(spawnSync("buildah", ["from", "--pull=never", "--name", orphanHost, TAG]).status).toBe(0);
    // A `buildah run` whose client dies leaves its chroot'ed processes running, in no registry.
    const run = spawn("buildah", ["run", "--isolation", "chroot", orphanHost, "--", "sleep", "300"], { detached: true, stdio: "ignore" });
    const pgid = run.pid as number;
    await eventually(() => spawnSync("pgrep", ["-g", String(pgid), "-x", "sleep"]).status === 0);
    process.kill(pgid, "SIGKILL");
    expect(await eventually(() => spawnSync("pgrep", ["-g", String(pgid), "-x", "sleep"]).status === 0)).toBe(true);
    if (engines.some((e) => e.kind === "podman")) {
      expect(spawnSync("podman", ["create", "--name", `${prefix}podman`, TAG]).status).toBe(0);
    }
    const report = await sweepLocal({ prefix });
    expect([...report.containers].sort()).toEqual(
      engines.some((e) => e.kind === "podman") ? [`${prefix}buildah`, `${prefix}podman`] : [`${prefix}buildah`],
    );
    expect(await eventually(() => !groupAlive(pgid))).toBe(true);
    expect((await containerNames()).filter((n) => n.startsWith(prefix))).toEqual([]);
  });

  it("leaves no working container behind when a build gets SIGTERM", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "noros-sigbuild-"));
    const tag = `noros-e2e-sigbuild-${process.pid}`;
    // buildah names a build's intermediate container after the FROM image.
    const working = "noros-e2e-engine-test-working-container";
    writeFileSync(path.join(dir, "Dockerfile"), printDockerfile([{ from: { image: TAG }, instructions: [{ kind: "run", exec: ["sleep", "120"] }] }]));
    const script = path.join(dir, "build.mts");
    writeFileSync(
      script,
      [
        `import { engine, installCleanupOnSignals } from ${JSON.stringify(pathToFileURL(path.join(import.meta.dirname, "engine.ts")).href)};`,
        "installCleanupOnSignals();",
        `await engine("buildah").build({ contextDir: ${JSON.stringify(dir)}, dockerfile: "Dockerfile", tag: ${JSON.stringify(tag)} });`,
        "",
      ].join("\n"),
    );
    const child = spawn(process.execPath, ["--import", "tsx", script], { cwd: repoRoot, stdio: "ignore" });
    const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    try {
      expect(await eventually(() => spawnSync("pgrep", ["-f", "^/usr/bin/sleep 120$"]).status === 0, 30_000)).toBe(true);
      expect((await containerNames()).filter((n) => n.startsWith(working))).not.toEqual([]);
      child.kill("SIGTERM");
      expect(await exit).toBe(143);
      expect((await containerNames()).filter((n) => n.startsWith(working))).toEqual([]);
      expect(spawnSync("pgrep", ["-f", "^/usr/bin/sleep 120$"]).status).not.toBe(0);
    } finally {
      child.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    }
  });

  for (const kind of ["podman", "buildah"] as const satisfies readonly EngineKind[]) {
    describe(`${kind} engine`, () => {
      const pick = (ctx: { skip: (note?: string) => void }): ContainerEngine => {
        const e = engines.find((x) => x.kind === kind);
        if (!e) ctx.skip(`${kind} cannot run containers here`);
        return e as ContainerEngine;
      };

      it("runs the image on a loopback port, honouring ENTRYPOINT, CMD, ENV, WORKDIR and USER, then leaves nothing", async (ctx) => {
        const e = pick(ctx);
        const port = await freeLoopbackPort();
        const c = await e.run({ image: TAG, name: `http-${kind}-${process.pid}`, port });
        let answered = false;
        try {
          const answer = await waitForHttp(`http://127.0.0.1:${port}/`, { container: c, since: c.startedAt, timeoutMs: 60_000 });
          answered = true;
          timings[`${kind}: run -> first HTTP answer`] = ms(answer.afterMs);
          expect(answer.status).toBe(200);
          const body = answer.body;
          expect(body).toContain("greeting=hello from noros\n");
          expect(body).toContain("uid=1000\n");
          expect(body).toContain("cwd=/srv/www\n");
          expect(body).toContain("arg=from-cmd\n");
          expect(body).toContain(`hostile=${HOSTILE}\n`);
          expect(body).toMatch(/ctx=.*serve\.sh/);
          expect(body).not.toContain("secret.txt");
        } finally {
          await e.remove(c);
        }
        expect(answered).toBe(true);
        await expectGone(c);
      });

      it("replaces CMD with the given command and keeps the ENTRYPOINT", async (ctx) => {
        const e = pick(ctx);
        const port = await freeLoopbackPort();
        const c = await e.run({ image: TAG, name: `cmd-${kind}-${process.pid}`, port, command: ["from-run"], env: { GREETING: "overridden" } });
        try {
          const answer = await waitForHttp(`http://127.0.0.1:${port}/`, { container: c, timeoutMs: 60_000 });
          expect(answer.body).toContain("arg=from-run\n");
          expect(answer.body).toContain("greeting=overridden\n");
          // The log arrives through its own pipe: it may trail the HTTP answer by a moment.
          const line = `serving on 127.0.0.1:${port}`;
          for (const deadline = Date.now() + 5_000; !c.logs().includes(line) && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 50));
          expect(c.logs()).toContain(line);
        } finally {
          await e.remove(c);
        }
        await expectGone(c);
      });

      it("leaves no container behind when the process that started it gets SIGTERM", async (ctx) => {
        pick(ctx);
        const port = await freeLoopbackPort();
        const name = `noros-e2e-sigterm-${kind}-${process.pid}`;
        const script = path.join(mkdtempSync(path.join(tmpdir(), "noros-sigterm-")), "start.mts");
        const engineUrl = pathToFileURL(path.join(import.meta.dirname, "engine.ts")).href;
        writeFileSync(
          script,
          [
            `import { createEngine, installCleanupOnSignals } from ${JSON.stringify(engineUrl)};`,
            "installCleanupOnSignals();",
            "const [image, name, port] = process.argv.slice(2);",
            "const engine = await createEngine();",
            "const c = await engine.run({ image, name, port: Number(port) });",
            "process.stdout.write(`STARTED ${c.pid}\\n`);",
            "await c.exited;",
            "",
          ].join("\n"),
        );
        const child = spawn(process.execPath, ["--import", "tsx", script, TAG, name, String(port)], {
          cwd: repoRoot,
          env: { ...process.env, NOROS_E2E_ENGINE: kind },
          stdio: ["ignore", "pipe", "pipe"],
        });
        let out = "";
        child.stdout.on("data", (c: Buffer) => (out += c.toString()));
        child.stderr.on("data", (c: Buffer) => (out += c.toString()));
        const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
        try {
          await waitForHttp(`http://127.0.0.1:${port}/`, { timeoutMs: 60_000 });
          const pid = Number(/STARTED (\d+)/.exec(out)?.[1]);
          expect(pid).toBeGreaterThan(0);
          expect(await containerNames()).toContain(name);
          child.kill("SIGTERM");
          expect(await exit).toBe(143);
          expect(await eventually(() => !groupAlive(pid))).toBe(true);
          expect(await containerNames()).not.toContain(name);
          expect(await portFree(port)).toBe(true);
        } finally {
          child.kill("SIGKILL");
          rmSync(path.dirname(script), { recursive: true, force: true });
          // Should the assertions above fail, do not leave the container to the next run.
          spawnSync("podman", ["rm", "--force", "--time", "0", name], { stdio: "ignore" });
          spawnSync("buildah", ["rm", name], { stdio: "ignore" });
        }
      });
    });
  }
});

async function containerNames(): Promise<string[]> {
  return [...new Set([...(await buildahContainerNames()), ...(await podmanContainerNames())])];
}

async function expectGone(c: RunningContainer): Promise<void> {
  expect(await c.exited).not.toBeUndefined();
  expect(await eventually(() => !groupAlive(c.pid))).toBe(true);
  expect(await containerNames()).not.toContain(c.name);
  expect(await portFree(c.port)).toBe(true);
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** Polls `check` (default: for up to 5 s; a killed process stays visible to kill(2) until reaped). */
async function eventually(check: () => boolean, timeoutMs = 5000): Promise<boolean> {
  for (let i = 0; i < timeoutMs / 100; i++) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}
