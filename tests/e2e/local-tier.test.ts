/**
 * The local tier against the real engine: a service that never becomes healthy fails its case after
 * the timeout with a clear message and leaves no container and no image; a service whose tests fail
 * is never built; and SIGTERM to `noros test` in the middle of a case leaves no container running.
 *
 * Skipped (with the reason printed) when buildah, podman or debootstrap is missing and CI is unset;
 * failing when CI is set, since CI is where the local tier must run.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot, tempDir } from "../helpers/cli.js";
import { buildahContainerNames, groupAlive, podmanContainerNames } from "./local/engine.js";
import { localTier } from "./harness/local-tier.js";
import { runCases } from "./harness/run.js";
import type { Tier } from "./harness/types.js";
import { cases as brokenCases } from "./fixtures/broken/cases.js";

const REQUIRED = ["buildah", "podman", "debootstrap"] as const;
const missing = REQUIRED.filter((cmd) => spawnSync(cmd, ["--version"], { stdio: "ignore" }).error !== undefined);
const notRoot = typeof process.getuid === "function" && process.getuid() !== 0;
const unavailable = missing.length > 0 ? `${missing.join(", ")} not installed (apt-get install podman buildah debootstrap runc)` : notRoot ? "not running as root" : "";
const inCI = Boolean(process.env.CI);
if (unavailable !== "" && !inCI) console.log(`[local tier] skipping the local tier tests: ${unavailable}`);

describe.runIf(unavailable !== "" && inCI)("local tier (CI)", () => {
  it("has the tools the local tier needs", () => {
    expect.fail(`CI must run the local tier, but ${unavailable}`);
  });
});

async function containers(): Promise<string[]> {
  return [...new Set([...(await podmanContainerNames()), ...(await buildahContainerNames())])];
}

function images(): string[] {
  const r = spawnSync("buildah", ["images", "--format", "{{.Name}}:{{.Tag}}"], { encoding: "utf8" });
  return r.stdout.split("\n").filter(Boolean);
}

async function eventually(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return check();
}

const timings: Record<string, string> = {};
const s = (ms: number | undefined) => (ms === undefined ? "-" : `${(ms / 1000).toFixed(1)}s`);

describe.skipIf(unavailable !== "")("local tier", () => {
  const tier: Tier = localTier();
  const implementations = { local: tier, aws: { name: "aws", available: async () => ({ ok: false, reason: "not in this test" }), deployment: () => { throw new Error("no"); } } } as const;
  afterAll(() => console.log(`[local tier] timings: ${JSON.stringify(timings)}`));

  it("fails a service that never becomes healthy after its timeout, and leaves no container or image", async () => {
    const name = `broken-timeout-${process.pid}`;
    const c = { ...(brokenCases[0] as (typeof brokenCases)[number]), name, timeoutS: 8 };
    const report = await runCases([c], { tiers: ["local"], cwd: repoRoot, implementations });
    const r = report.cases[0];
    timings["broken: build"] = s(r?.phases?.build);
    expect(r?.status).toBe("failed");
    expect(r?.reason).toMatch(/^not healthy within 8 s: no answer with HTTP 200 from http:\/\/127\.0\.0\.1:\d+\/health in time; last answer: HTTP 503 "warming up forever"$/);
    expect(r?.teardown).toEqual({ ok: true, detail: "removed 1 container and 1 image" });
    // The timeout counts from the container's start, not from the build.
    expect((r?.durationMs ?? 0) - (r?.phases?.build ?? 0) - (r?.phases?.compile ?? 0)).toBeGreaterThanOrEqual(8000);
    expect((await containers()).filter((n) => n.includes(name))).toEqual([]);
    expect(images().filter((i) => i.includes(name))).toEqual([]);
  });

  it("never builds an image whose tests fail, and says which service and why", async () => {
    const dir = tempDir("noros-failing-tests-");
    mkdirSync(path.join(dir, "app"));
    writeFileSync(path.join(dir, "app", "server.js"), "require('http').createServer((q, s) => s.end('ok')).listen(process.env.PORT, process.env.HOST);\n");
    writeFileSync(
      path.join(dir, "failing.noros.ts"),
      `import { service, system } from "noros";
const api = service("api", { source: "./app", runtime: "node", port: 3000, healthCheck: { path: "/" }, test: ["node", "-e", "console.error('1 test failed: expected 2, got 3'); process.exit(3)"] });
export default system("failing", { region: "eu-central-1", resources: [api] });
`,
    );
    const name = `failing-tests-${process.pid}`;
    const before = await containers();
    const report = await runCases([{ name, system: path.join(dir, "failing.noros.ts"), tier: "local", endpoint: "service:api/", expect: { status: 200 }, timeoutS: 30 }], {
      tiers: ["local"],
      cwd: repoRoot,
      implementations,
    });
    const r = report.cases[0];
    expect(r?.status).toBe("failed");
    expect(r?.reason).toMatch(/^the tests of service api failed \(exit \d+\) after [\d.]+ s, so its image was not built:/);
    expect(r?.reason).toContain("1 test failed: expected 2, got 3");
    expect(r?.teardown).toEqual({ ok: true, detail: "removed 0 containers and 0 images" });
    expect(images().filter((i) => i.includes(name))).toEqual([]);
    // buildah names a build's working container after its FROM image; the failed build removed its own.
    expect((await containers()).filter((n) => n.includes("working-container") && !before.includes(n))).toEqual([]);

    // The same system with --no-test builds and runs.
    const untested = await runCases([{ name: `${name}-skipped`, system: path.join(dir, "failing.noros.ts"), tier: "local", endpoint: "service:api/", expect: { status: 200, bodyIncludes: "ok" }, timeoutS: 30 }], {
      tiers: ["local"],
      cwd: repoRoot,
      skipTests: true,
      implementations,
    });
    expect(untested.cases[0]?.status).toBe("passed");
  });

  it("leaves no container running when `noros test` gets SIGTERM in the middle of a case", async () => {
    const suffix = `sigterm-${process.pid}`;
    const dir = tempDir("noros-sigterm-test-");
    const script = path.join(dir, "cli.mts");
    writeFileSync(
      script,
      [
        `import { main } from ${JSON.stringify(pathToFileURL(path.join(repoRoot, "compiler", "cli", "main.ts")).href)};`,
        "process.exitCode = await main(process.argv.slice(2));",
        "",
      ].join("\n"),
    );
    const child = spawn(process.execPath, ["--import", "tsx", script, "test", "--tier", "local", "--cases", "tests/e2e/fixtures/broken/cases.ts"], {
      cwd: repoRoot,
      env: { ...process.env, NOROS_BROKEN_TIMEOUT_S: "600", NOROS_BROKEN_SUFFIX: suffix },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    const prefix = `noros-e2e-broken-${suffix}-stuck-`;
    try {
      // Mid-case: the container runs and is being probed.
      expect(await eventually(async () => output.includes("probing http://") && (await podmanContainerNames()).some((n) => n.startsWith(prefix)), 300_000), output).toBe(true);
      const running = (await containers()).filter((n) => n.startsWith(prefix));
      expect(running).toHaveLength(1);
      const pids = spawnSync("pgrep", ["-f", "python3 app.py"], { encoding: "utf8" }).stdout.split("\n").filter(Boolean).map(Number);
      expect(pids.length).toBeGreaterThan(0);
      child.kill("SIGTERM");
      expect(await exit).toBe(143);
      expect((await containers()).filter((n) => n.startsWith(prefix))).toEqual([]);
      expect(images().filter((i) => i.includes(`broken-${suffix}`))).toEqual([]);
      expect(await eventually(() => pids.every((p) => !groupAlive(p) && spawnSync("kill", ["-0", String(p)]).status !== 0), 10_000)).toBe(true);
    } finally {
      child.kill("SIGKILL");
      for (const n of (await containers()).filter((x) => x.startsWith(prefix))) {
        spawnSync("podman", ["rm", "--force", "--time", "0", n], { stdio: "ignore" });
        spawnSync("buildah", ["rm", n], { stdio: "ignore" });
      }
    }
  });
});
