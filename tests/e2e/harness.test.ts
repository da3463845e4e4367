/**
 * The e2e harness itself: case validation, tier selection and skips, the probe, teardown in every
 * outcome (with fake tiers), the aws tier's availability reasons, and `noros test` on the CLI.
 * The real local tier's failure and interruption paths are in local-tier.test.ts.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, runCli, tempDir } from "../helpers/cli.js";
import { awsTier, credentialSources } from "./harness/aws-tier.js";
import { parseEndpoint } from "./harness/endpoint.js";
import { formatReport } from "./harness/report.js";
import { runCases, validateCases } from "./harness/run.js";
import type { Deployment, E2eCase, TeardownResult, Tier, TierName } from "./harness/types.js";
import { cases } from "./cases.js";

let server: Server;
let base = "";
let slowHealthyAt = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/ok") return res.end("all good");
    if (req.url === "/never") return res.writeHead(503).end("warming up forever");
    if (req.url === "/soon") return Date.now() >= slowHealthyAt ? res.end("ready") : res.writeHead(503).end("not yet");
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

interface FakeLog {
  deployed: string[];
  tornDown: string[];
}

/** A tier whose "deployment" is the loopback server above; `behaviour` decides how deploy goes. */
function fakeTier(name: TierName, log: FakeLog, options: { available?: boolean; deploy?: "ok" | "throws" | "dies"; teardownFails?: boolean } = {}): Tier {
  return {
    name,
    available: async () => (options.available === false ? { ok: false, reason: `${name} is switched off` } : { ok: true }),
    deployment(c): Deployment {
      let startedAt = 0;
      return {
        get startedAt() {
          return startedAt;
        },
        died: options.deploy === "dies" ? new Promise((resolve) => setTimeout(() => resolve("the container exited (1)"), 300)) : new Promise(() => {}),
        async deploy() {
          log.deployed.push(c.name);
          if (options.deploy === "throws") throw new Error("building service web failed");
          startedAt = Date.now();
          return { build: 10, start: 1 };
        },
        url: (endpoint) => `${base}${(parseEndpoint(endpoint) as { path: string }).path}`,
        logs: () => "fake logs",
        async teardown(): Promise<TeardownResult> {
          log.tornDown.push(c.name);
          return options.teardownFails ? { ok: false, detail: "container x is still there" } : { ok: true, detail: "removed 1 container and 1 image" };
        },
      };
    },
  };
}

const aCase = (name: string, endpoint: string, extra: Partial<E2eCase> = {}): E2eCase => ({
  name,
  system: "examples/hello/hello.noros.ts",
  tier: "local",
  endpoint,
  expect: { status: 200 },
  timeoutS: 2,
  ...extra,
});

describe("case validation and endpoints", () => {
  it("parses service, output and URL endpoints", () => {
    expect(parseEndpoint("service:web/health")).toEqual({ kind: "service", service: "web", path: "/health" });
    expect(parseEndpoint("service:web")).toEqual({ kind: "service", service: "web", path: "/" });
    expect(parseEndpoint("output:web_url/health")).toEqual({ kind: "output", output: "web_url", path: "/health" });
    expect(parseEndpoint("http://127.0.0.1:8080/x")).toEqual({ kind: "url", url: "http://127.0.0.1:8080/x" });
    expect(() => parseEndpoint("web/health")).toThrow(/is not service:<name>/);
  });

  it("refuses duplicate or unusable names, unknown tiers and bad endpoints", () => {
    expect(() => validateCases([aCase("a", "service:web/"), aCase("a", "service:web/")])).toThrow(/used twice/);
    expect(() => validateCases([aCase("Has Space", "service:web/")])).toThrow(/lowercase letters/);
    expect(() => validateCases([aCase("a", "service:web/", { tier: "gcp" as TierName })])).toThrow(/tier "gcp"/);
    expect(() => validateCases([aCase("a", "nowhere")])).toThrow(/case "a": endpoint "nowhere"/);
  });

  it("the repository's cases are valid and cover both tiers", () => {
    expect(() => validateCases(cases)).not.toThrow();
    expect(new Set(cases.map((c) => c.tier))).toEqual(new Set(["local", "aws"]));
  });
});

describe("runCases", () => {
  const run = (list: E2eCase[], impl: Record<TierName, Tier>, extra: { tiers?: TierName[]; require?: TierName[]; filter?: string } = {}) =>
    runCases(list, { tiers: extra.tiers ?? ["local", "aws"], ...(extra.require ? { require: extra.require } : {}), ...(extra.filter ? { filter: extra.filter } : {}), cwd: repoRoot, implementations: impl });

  it("passes a healthy case, with its timings and the answer, and tears it down", async () => {
    const log: FakeLog = { deployed: [], tornDown: [] };
    const report = await run([aCase("ok", "service:web/ok", { expect: { status: 200, bodyIncludes: "good" } })], { local: fakeTier("local", log), aws: fakeTier("aws", log) });
    expect(report.ok).toBe(true);
    expect(report.cases[0]).toMatchObject({ status: "passed", phases: { build: 10 }, answer: { status: 200, body: "all good" }, teardown: { ok: true } });
    expect(report.cases[0]?.healthyAfterMs).toBeGreaterThanOrEqual(0);
    expect(log.tornDown).toEqual(["ok"]);
  });

  it("keeps probing until the answer is right", async () => {
    slowHealthyAt = Date.now() + 700;
    const report = await run([aCase("soon", "service:web/soon")], { local: fakeTier("local", { deployed: [], tornDown: [] }), aws: fakeTier("aws", { deployed: [], tornDown: [] }) });
    expect(report.cases[0]?.status).toBe("passed");
    expect(report.cases[0]?.healthyAfterMs).toBeGreaterThanOrEqual(600);
  });

  it("fails a case that never gets healthy after its timeout, saying what it last saw, and still tears down", async () => {
    const log: FakeLog = { deployed: [], tornDown: [] };
    const started = Date.now();
    const report = await run([aCase("never", "service:web/never", { timeoutS: 1.5 })], { local: fakeTier("local", log), aws: fakeTier("aws", log) });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    expect(report.ok).toBe(false);
    expect(report.cases[0]?.reason).toMatch(/^not healthy within 1.5 s: no answer with HTTP 200 from http:\/\/127\.0\.0\.1:\d+\/never in time; last answer: HTTP 503 "warming up forever"$/);
    expect(log.tornDown).toEqual(["never"]);
  });

  it("fails fast when the deployment dies, and when deploying throws, tearing down both", async () => {
    const log: FakeLog = { deployed: [], tornDown: [] };
    const dies = await run([aCase("dies", "service:web/never", { timeoutS: 30 })], { local: fakeTier("local", log, { deploy: "dies" }), aws: fakeTier("aws", log) });
    expect(dies.cases[0]).toMatchObject({ status: "failed", reason: expect.stringContaining("the container exited (1)") });
    expect(dies.cases[0]?.durationMs).toBeLessThan(5000);
    const throws = await run([aCase("throws", "service:web/ok")], { local: fakeTier("local", log, { deploy: "throws" }), aws: fakeTier("aws", log) });
    expect(throws.cases[0]).toMatchObject({ status: "failed", reason: "building service web failed", teardown: { ok: true } });
    expect(log.tornDown).toEqual(["dies", "throws"]);
  });

  it("fails a healthy case whose teardown leaves something behind", async () => {
    const report = await run([aCase("leaky", "service:web/ok")], { local: fakeTier("local", { deployed: [], tornDown: [] }, { teardownFails: true }), aws: fakeTier("aws", { deployed: [], tornDown: [] }) });
    expect(report.cases[0]).toMatchObject({ status: "failed", reason: "healthy, but the teardown failed: container x is still there" });
  });

  it("skips unselected and unavailable tiers with the reason, and fails them when required", async () => {
    const log: FakeLog = { deployed: [], tornDown: [] };
    const impl = { local: fakeTier("local", log), aws: fakeTier("aws", log, { available: false }) };
    const list = [aCase("local-one", "service:web/ok"), aCase("aws-one", "output:url/ok", { tier: "aws" })];
    const onlyLocal = await run(list, impl, { tiers: ["local"] });
    expect(onlyLocal.ok).toBe(true);
    expect(onlyLocal.cases.map((c) => [c.name, c.status, c.reason])).toEqual([
      ["local-one", "passed", undefined],
      ["aws-one", "skipped", "the aws tier is not selected (--tier local)"],
    ]);
    const all = await run(list, impl);
    expect(all.cases[1]).toMatchObject({ status: "skipped", reason: "aws is switched off" });
    expect(all.tiers).toEqual({ local: { ok: true }, aws: { ok: false, reason: "aws is switched off" } });
    const required = await run(list, impl, { tiers: ["local"], require: ["aws"] });
    expect(required.ok).toBe(false);
    expect(required.cases[1]).toMatchObject({ status: "failed", reason: "the aws tier is required (--require aws) but aws is switched off" });
    expect(log.deployed).toEqual(["local-one", "local-one", "local-one"]);
  });

  it("runs only the filtered cases, and refuses a filter that matches none", async () => {
    const impl = { local: fakeTier("local", { deployed: [], tornDown: [] }), aws: fakeTier("aws", { deployed: [], tornDown: [] }) };
    const report = await run([aCase("first", "service:web/ok"), aCase("second", "service:web/ok")], impl, { filter: "sec" });
    expect(report.cases.map((c) => c.name)).toEqual(["second"]);
    await expect(run([aCase("first", "service:web/ok")], impl, { filter: "zzz" })).rejects.toThrow(/no case matches --filter zzz/);
  });

  it("prints a report table", async () => {
    const impl = { local: fakeTier("local", { deployed: [], tornDown: [] }), aws: fakeTier("aws", { deployed: [], tornDown: [] }, { available: false }) };
    const report = await run([aCase("ok", "service:web/ok"), aCase("cloud", "output:x/", { tier: "aws" })], impl);
    const text = formatReport(report);
    expect(text).toMatch(/^case +tier +result +build +healthy after +teardown +reason$/m);
    expect(text).toMatch(/^ok +local +passed +0\.0 s +\d+\.\d s +ok$/m);
    expect(text).toMatch(/^cloud +aws +skipped +- +- +- +aws is switched off$/m);
    expect(text).toContain(": 1 passed, 0 failed, 1 skipped");
  });
});

describe("aws tier availability", () => {
  const home = tempDir("noros-home-");

  it("says precisely that there are no credentials", async () => {
    expect(credentialSources({}, home)).toEqual([]);
    const a = await awsTier({ env: {}, home }).available();
    expect(a).toEqual({ ok: false, reason: expect.stringMatching(/^no AWS credentials in the environment \(/) });
  });

  it("checks credentials it finds with STS GetCallerIdentity", async () => {
    const a = await awsTier({ env: { AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE", AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", AWS_REGION: "eu-central-1" } }).available();
    // Without network the call fails; with network STS refuses the documentation's example keys.
    expect(a).toEqual({ ok: false, reason: expect.stringMatching(/^STS GetCallerIdentity failed with the credentials from AWS_ACCESS_KEY_ID: \S/) });
  });

  it("finds credentials in the variables and files the SDKs read", () => {
    const withFiles = tempDir("noros-home-");
    mkdirSync(path.join(withFiles, ".aws"));
    writeFileSync(path.join(withFiles, ".aws", "credentials"), "[default]\n");
    expect(credentialSources({ AWS_ACCESS_KEY_ID: "AKIA", AWS_SECRET_ACCESS_KEY: "x", AWS_PROFILE: "ci" }, withFiles)).toEqual([
      "AWS_ACCESS_KEY_ID",
      "AWS_PROFILE=ci",
      path.join(withFiles, ".aws", "credentials"),
    ]);
  });
});

describe("noros test on the command line", () => {
  it("reports the aws case as failed when the aws tier is required but has no credentials, as JSON", async () => {
    const saved = { ...process.env };
    for (const k of Object.keys(process.env)) if (k.startsWith("AWS_")) delete process.env[k];
    process.env.HOME = tempDir("noros-home-");
    try {
      const run = await runCli(["test", "--tier", "aws", "--require", "aws", "--json"], repoRoot);
      expect(run.code).toBe(1);
      const report = JSON.parse(run.stdout) as { ok: boolean; cases: Array<{ name: string; status: string; reason?: string }> };
      expect(report.ok).toBe(false);
      expect(report.cases.find((c) => c.name === "url-checker-aws")).toMatchObject({ status: "failed", reason: expect.stringContaining("no AWS credentials in the environment") });
      const localCases = cases.filter((c) => c.tier === "local");
      expect(localCases.length).toBeGreaterThan(0);
      expect(report.cases.filter((c) => c.status === "skipped").map((c) => c.reason)).toEqual(localCases.map(() => "the local tier is not selected (--tier aws)"));
      expect(run.stderr).toContain("[noros test] aws tier unavailable: no AWS credentials");
    } finally {
      process.env = saved;
    }
  });

  it("rejects an unknown tier and a missing case list", async () => {
    const bad = await runCli(["test", "--tier", "gcp"], repoRoot);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("--tier gcp: choose from local, aws, all");
    const none = await runCli(["test", "--cases", "nope.ts"], tempDir());
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no case list at .*nope\.ts/);
  });
});
