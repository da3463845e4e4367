/**
 * Runs e2e cases in sequence: for each, check its tier is available (once per run), start its
 * fixture, deploy, probe the endpoint until it answers as expected or the case's timeout passes, and
 * always tear down (on success, failure and timeout here; on SIGINT/SIGTERM through the engine's and
 * the harness's cleanup). Unavailable tiers are skipped with their reason, or fail when required.
 */
import { randomBytes } from "node:crypto";
import { parseEndpoint } from "./endpoint.js";
import { probe, snippet } from "./probe.js";
import { tierNames, type CaseReport, type E2eCase, type RunReport, type TeardownResult, type Tier, type TierName, type Availability } from "./types.js";

export interface RunOptions {
  /** The tiers to run; cases of other tiers are reported as skipped. */
  readonly tiers: readonly TierName[];
  /** Tiers whose cases must run: a skip becomes a failure. */
  readonly require?: readonly TierName[];
  /** Only cases whose name contains this. */
  readonly filter?: string;
  readonly skipTests?: boolean;
  readonly cwd: string;
  readonly runId?: string;
  readonly log?: (line: string) => void;
  /** The tier implementations (tests pass fakes). */
  readonly implementations: Readonly<Record<TierName, Tier>>;
}

export class CaseError extends Error {}

/** Checks the case list itself: unique, well-formed names, known tiers, endpoints that parse. */
export function validateCases(cases: readonly E2eCase[]): void {
  const seen = new Set<string>();
  for (const c of cases) {
    if (!/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/.test(c.name)) throw new CaseError(`case name "${c.name}" must be 1-40 lowercase letters, digits and hyphens`);
    if (seen.has(c.name)) throw new CaseError(`case name "${c.name}" is used twice`);
    seen.add(c.name);
    if (!tierNames.includes(c.tier)) throw new CaseError(`case "${c.name}": tier "${c.tier}" is not one of ${tierNames.join(", ")}`);
    if (!(c.timeoutS > 0)) throw new CaseError(`case "${c.name}": timeoutS must be positive`);
    if (!Number.isInteger(c.expect.status) || c.expect.status < 100 || c.expect.status > 599) throw new CaseError(`case "${c.name}": expect.status must be an HTTP status`);
    try {
      parseEndpoint(c.endpoint);
    } catch (error) {
      throw new CaseError(`case "${c.name}": ${(error as Error).message}`);
    }
  }
}

export function newRunId(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
}

export async function runCases(cases: readonly E2eCase[], options: RunOptions): Promise<RunReport> {
  validateCases(cases);
  const log = options.log ?? (() => {});
  const runId = options.runId ?? newRunId();
  const required = new Set(options.require ?? []);
  const selected = new Set([...options.tiers, ...required]);
  const chosen = options.filter === undefined ? cases : cases.filter((c) => c.name.includes(options.filter as string));
  if (chosen.length === 0) throw new CaseError(`no case ${options.filter === undefined ? "at all" : `matches --filter ${options.filter}`} (cases: ${cases.map((c) => c.name).join(", ") || "none"})`);

  const availability = new Map<TierName, Availability>();
  const available = async (tier: TierName): Promise<Availability> => {
    let a = availability.get(tier);
    if (!a) {
      log(`checking the ${tier} tier`);
      a = await options.implementations[tier].available();
      availability.set(tier, a);
      log(a.ok ? `${tier} tier available${a.detail ? `: ${a.detail}` : ""}` : `${tier} tier unavailable: ${a.reason}`);
    }
    return a;
  };

  const reports: CaseReport[] = [];
  for (const c of chosen) {
    const base = { name: c.name, tier: c.tier, system: c.system, endpoint: c.endpoint };
    const started = Date.now();
    const skip = (reason: string): CaseReport =>
      required.has(c.tier)
        ? { ...base, status: "failed", reason: `the ${c.tier} tier is required (--require ${c.tier}) but ${reason}`, durationMs: Date.now() - started }
        : { ...base, status: "skipped", reason, durationMs: Date.now() - started };
    if (!selected.has(c.tier)) {
      reports.push(skip(`the ${c.tier} tier is not selected (--tier ${[...options.tiers].join(",")})`));
      logCase(log, reports.at(-1) as CaseReport);
      continue;
    }
    const a = await available(c.tier);
    if (!a.ok) {
      reports.push(skip(a.reason));
      logCase(log, reports.at(-1) as CaseReport);
      continue;
    }
    log(`▶ ${c.name} (${c.tier}): ${c.system} → ${c.endpoint}`);
    reports.push(await runOne(c, options.implementations[c.tier], { runId, cwd: options.cwd, skipTests: options.skipTests === true, log }));
    logCase(log, reports.at(-1) as CaseReport);
  }

  const count = (s: CaseReport["status"]) => reports.filter((r) => r.status === s).length;
  return {
    runId,
    ok: count("failed") === 0,
    tiers: Object.fromEntries(availability),
    cases: reports,
    summary: { passed: count("passed"), failed: count("failed"), skipped: count("skipped") },
  };
}

async function runOne(c: E2eCase, tier: Tier, context: { runId: string; cwd: string; skipTests: boolean; log: (line: string) => void }): Promise<CaseReport> {
  const base = { name: c.name, tier: c.tier, system: c.system, endpoint: c.endpoint };
  const started = Date.now();
  const indent = (line: string) => context.log(`  ${line}`);
  let phases: Readonly<Record<string, number>> | undefined;
  let outcome: { ok: true; healthyAfterMs: number; answer: { status: number; body: string } } | { ok: false; reason: string; answer?: { status: number; body: string }; logs?: string };
  let teardown: TeardownResult | undefined;
  let fixture: Awaited<ReturnType<NonNullable<E2eCase["setup"]>>> | undefined;
  let deployment: ReturnType<Tier["deployment"]> | undefined;
  try {
    fixture = await c.setup?.({ tier: c.tier });
    deployment = tier.deployment(c, { ...context, env: fixture?.env ?? {}, log: indent });
    phases = await deployment.deploy();
    const url = deployment.url(c.endpoint);
    indent(`probing ${url} for up to ${c.timeoutS} s`);
    const result = await probe(url, c.expect, { deadline: deployment.startedAt + c.timeoutS * 1000, died: deployment.died });
    outcome = result.healthy
      ? { ok: true, healthyAfterMs: result.at - deployment.startedAt, answer: result.answer }
      : { ok: false, reason: `not healthy within ${c.timeoutS} s: ${result.reason}`, ...(result.last ? { answer: result.last } : {}), logs: deployment.logs() };
  } catch (error) {
    outcome = { ok: false, reason: (error as Error).message, ...(deployment ? { logs: deployment.logs() } : {}) };
  } finally {
    if (deployment) {
      try {
        teardown = await deployment.teardown();
      } catch (error) {
        teardown = { ok: false, detail: `teardown threw: ${(error as Error).message}` };
      }
    }
    try {
      await fixture?.close();
    } catch (error) {
      indent(`closing the fixture failed: ${(error as Error).message}`);
    }
  }
  const answer = outcome.answer ? { answer: { status: outcome.answer.status, body: snippet(outcome.answer.body, 500) } } : {};
  const common = { ...base, ...(phases ? { phases } : {}), ...(teardown ? { teardown } : {}), ...answer };
  if (outcome.ok && (teardown?.ok ?? true)) return { ...common, status: "passed", healthyAfterMs: outcome.healthyAfterMs, durationMs: Date.now() - started };
  const reason = outcome.ok ? `healthy, but the teardown failed: ${teardown?.detail}` : outcome.reason;
  return { ...common, status: "failed", reason, ...(outcome.ok ? { healthyAfterMs: outcome.healthyAfterMs } : {}), durationMs: Date.now() - started };
}

const s = (ms: number | undefined) => (ms === undefined ? "-" : `${(ms / 1000).toFixed(1)} s`);

function logCase(log: (line: string) => void, r: CaseReport): void {
  if (r.status === "skipped") return log(`- ${r.name} (${r.tier}) skipped: ${r.reason}`);
  const build = r.phases?.build;
  const timing = `build ${s(build)}, healthy after ${s(r.healthyAfterMs)}`;
  if (r.teardown) log(`  teardown: ${r.teardown.ok ? "ok" : "FAILED"}, ${r.teardown.detail}`);
  if (r.status === "passed") return log(`✔ ${r.name} (${r.tier}) passed: ${timing}`);
  log(`✘ ${r.name} (${r.tier}) failed: ${r.reason}`);
}
