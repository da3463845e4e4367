/**
 * `noros test`: loads the case list, runs it with the local and aws tiers, prints progress on stderr
 * and the report on stdout (a table, or JSON with --json). Exit code 0 when no case failed, 1 when one
 * did (or the options or cases are wrong).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { tsImport } from "tsx/esm/api";
import { installCleanupOnSignals, sweepLocal } from "../local/engine.js";
import { awsTier } from "./aws-tier.js";
import { cleanupHarnessOnExit } from "./cleanup.js";
import { localTier } from "./local-tier.js";
import { casesFromSystem } from "./system-cases.js";
import { findSystemFile } from "../../../compiler/load/find-system-file.js";
import { formatReport } from "./report.js";
import { CaseError, runCases } from "./run.js";
import { findLeakedRuns, parseDuration, sweepRuns, taggingClient, type GetResources } from "./sweep.js";
import { tierNames, type E2eCase, type Tier, type TierName } from "./types.js";

export interface TestCommandOptions {
  readonly tier?: string;
  readonly require?: string;
  readonly filter?: string;
  readonly cases?: string;
  readonly json?: boolean;
  /** False with --no-test. */
  readonly test?: boolean;
  readonly sweep?: boolean;
  /** With --sweep: only aws runs at least this old (`2h`). */
  readonly olderThan?: string;
  /** With --sweep: destroy, not just list. */
  readonly yes?: boolean;
  /** The aws account that may be deployed into (else NOROS_E2E_ACCOUNT). */
  readonly account?: string;
  /** Wall-clock limit of the whole run, minutes. */
  readonly maxMinutes?: string;
}

/** Injected by tests: the tagging API's GetResources for --sweep. */
export interface HarnessDeps {
  readonly implementations?: Record<TierName, Tier>;
  readonly getResources?: GetResources;
}

export interface HarnessIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export const DEFAULT_CASES = "tests/e2e/cases.ts";

function tiers(value: string | undefined, option: string, allowAll: boolean): TierName[] {
  if (value === undefined) return [];
  const names = value.split(",").map((t) => t.trim()).filter(Boolean);
  if (allowAll && names.length === 1 && names[0] === "all") return [...tierNames];
  for (const n of names) {
    if (!(tierNames as readonly string[]).includes(n)) throw new CaseError(`${option} ${value}: choose from ${[...tierNames, ...(allowAll ? ["all"] : [])].join(", ")}`);
  }
  return names as TierName[];
}

/** Loads the case list: a module exporting `cases` (or a default export) of E2eCase. */
export async function loadCases(file: string): Promise<E2eCase[]> {
  if (!existsSync(file)) throw new CaseError(`no case list at ${file} (give one with --cases)`);
  const mod = (await tsImport(pathToFileURL(file).href, import.meta.url)) as { cases?: unknown; default?: unknown };
  const list = mod.cases ?? mod.default;
  if (!Array.isArray(list)) throw new CaseError(`${file} exports no \`cases\` array`);
  return list as E2eCase[];
}

export async function runTestCommand(options: TestCommandOptions, io: HarnessIo, deps: HarnessDeps = {}): Promise<number> {
  const implementations = deps.implementations;
  const log = (line: string) => io.stderr(`[noros test] ${line}\n`);
  installCleanupOnSignals();
  cleanupHarnessOnExit();
  try {
    if (options.sweep) {
      const swept = await sweepLocal({ images: true });
      io.stdout(`swept ${swept.containers.length} container(s) and ${swept.images.length} image(s) left by earlier runs\n`);
      for (const name of [...swept.containers, ...swept.images]) io.stdout(`  ${name}\n`);
      let olderThanMs: number;
      try {
        olderThanMs = parseDuration(options.olderThan ?? "2h");
      } catch (error) {
        throw new CaseError((error as Error).message);
      }
      const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? "us-east-1";
      let runs;
      try {
        runs = await findLeakedRuns(deps.getResources ?? (await taggingClient(region)));
      } catch (error) {
        io.stdout(`aws: cannot list resources tagged noros:run in ${region}: ${(error as Error).message.split("\n")[0]}\n`);
        return options.yes ? 1 : 0;
      }
      io.stdout(`aws (${region}): `);
      const clean = sweepRuns(runs, { olderThanMs, yes: options.yes === true, out: (line) => io.stdout(`${line}\n`) });
      return clean ? 0 : 1;
    }
    const maxMinutes = Number(options.maxMinutes ?? "120");
    if (!(maxMinutes > 0)) throw new CaseError(`--max-minutes ${options.maxMinutes}: give a positive number`);
    // The hard limit goes through the signal path, so the running case's teardown still happens.
    setTimeout(() => {
      log(`the whole run exceeded --max-minutes ${maxMinutes}: stopping and tearing down`);
      process.kill(process.pid, "SIGTERM");
    }, maxMinutes * 60_000).unref();
    const selected = tiers(options.tier ?? "all", "--tier", true);
    const required = tiers(options.require, "--require", false);
    const casesFile = path.resolve(io.cwd, options.cases ?? DEFAULT_CASES);
    let cases: E2eCase[];
    if (options.cases === undefined && !existsSync(casesFile)) {
      // A project made by `noros init` has no case list: test the services of its system file.
      const system = findSystemFile(undefined, io.cwd);
      cases = casesFromSystem(system, io.cwd);
      log(`no ${DEFAULT_CASES}: one local case per service of ${path.relative(io.cwd, system)}`);
    } else {
      cases = await loadCases(casesFile);
    }
    const report = await runCases(cases, {
      tiers: selected,
      require: required,
      ...(options.filter === undefined ? {} : { filter: options.filter }),
      skipTests: options.test === false,
      cwd: io.cwd,
      log,
      implementations: implementations ?? { local: localTier(), aws: awsTier(options.account ? { account: options.account } : {}) },
    });
    io.stdout(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
    return report.ok ? 0 : 1;
  } catch (error) {
    if (!(error instanceof CaseError)) throw error;
    if (options.json) io.stdout(`${JSON.stringify({ ok: false, error: error.message }, null, 2)}\n`);
    io.stderr(`noros test: ${error.message}\n`);
    return 1;
  }
}
