/**
 * The e2e harness's vocabulary: cases, tiers, deployments and what is reported about them.
 *
 * A tier (local, aws) knows whether it can run here and how to deploy a case's system; the runner
 * (run.ts) does the rest the same way for every tier: deploy, probe until healthy or the timeout,
 * and always tear down. A new tier plugs in by implementing {@link Tier}.
 */

export type TierName = "local" | "aws";
export const tierNames: readonly TierName[] = ["local", "aws"];

export interface Expectation {
  /** The HTTP status that counts as healthy. */
  readonly status: number;
  /** A substring the body must contain. */
  readonly bodyIncludes?: string;
}

/** What a case's setup gives the deployment: extra environment for its services, and how to stop it. */
export interface CaseFixture {
  readonly env?: Readonly<Record<string, string>>;
  close(): Promise<void>;
}

export interface E2eCase {
  /** Lowercase letters, digits and hyphens: it names containers and images. */
  readonly name: string;
  /** The system file, relative to the directory `noros test` runs in. */
  readonly system: string;
  readonly tier: TierName;
  /**
   * What to probe: `service:<name>/<path>` (a service of the system, where the tier runs it),
   * `output:<name>/<path>` (a Terraform output, aws tier), or a URL.
   */
  readonly endpoint: string;
  readonly expect: Expectation;
  /** Seconds from the deployment's start until the endpoint must have answered as expected. */
  readonly timeoutS: number;
  /**
   * Sizes this case may use beyond the aws tier's small defaults (size-limits.ts), with why: the
   * guard stays on for everything else, and the run prints the allowance before applying.
   */
  readonly allowSizes?: { readonly instanceTypes: readonly string[]; readonly reason: string };
  /** Runs before the deployment (a loopback server the services talk to, ...); closed after teardown. */
  readonly setup?: (context: { readonly tier: TierName }) => Promise<CaseFixture>;
}

export type Availability = { readonly ok: true; readonly detail?: string } | { readonly ok: false; readonly reason: string };

export interface DeployContext {
  /** Unique per `noros test` run; part of every name the run creates. */
  readonly runId: string;
  /** Where relative system paths start. */
  readonly cwd: string;
  /** Leave services' test stages out (--no-test). */
  readonly skipTests: boolean;
  /** From the case's setup. */
  readonly env: Readonly<Record<string, string>>;
  /** Progress lines. */
  readonly log: (line: string) => void;
}

export interface TeardownResult {
  readonly ok: boolean;
  /** What was removed, or what could not be. */
  readonly detail: string;
}

/**
 * One case's deployment in a tier. `teardown` must work whatever state `deploy` reached (nothing, a
 * half-built system, a running one) and is always called by the runner.
 */
export interface Deployment {
  /** Creates and starts everything; resolves with the time of each phase in ms (build, start, ...). */
  deploy(): Promise<Readonly<Record<string, number>>>;
  /** Date.now() when the system started to run: "time to healthy" counts from here. */
  readonly startedAt: number;
  /** The URL to probe for an endpoint of the case. */
  url(endpoint: string): string;
  /** Settles with a reason if the deployment dies before answering (a container exits). */
  readonly died: Promise<string>;
  /** The last output of what runs, for failure messages. */
  logs(): string;
  teardown(): Promise<TeardownResult>;
}

export interface Tier {
  readonly name: TierName;
  /** Whether the tier's prerequisites are here; the reason when not. Called at most once per run. */
  available(): Promise<Availability>;
  deployment(c: E2eCase, context: DeployContext): Deployment;
}

export type CaseStatus = "passed" | "failed" | "skipped";

export interface CaseReport {
  readonly name: string;
  readonly tier: TierName;
  readonly system: string;
  readonly endpoint: string;
  readonly status: CaseStatus;
  /** Why it failed or was skipped. */
  readonly reason?: string;
  /** Milliseconds per deployment phase (local: compile, build, start). */
  readonly phases?: Readonly<Record<string, number>>;
  /** Milliseconds from the start of the deployment to the first answer as expected. */
  readonly healthyAfterMs?: number;
  /** The last answer seen: the healthy one, or the last unhealthy one. */
  readonly answer?: { readonly status: number; readonly body: string };
  readonly teardown?: TeardownResult;
  readonly durationMs: number;
}

export interface RunReport {
  readonly runId: string;
  readonly ok: boolean;
  /** Availability of each selected tier. */
  readonly tiers: Readonly<Partial<Record<TierName, Availability>>>;
  readonly cases: readonly CaseReport[];
  readonly summary: { readonly passed: number; readonly failed: number; readonly skipped: number };
}
