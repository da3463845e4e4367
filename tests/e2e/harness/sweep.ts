/**
 * `noros test --sweep` for the aws tier: lists every resource tagged `noros:run` (the Resource Groups
 * Tagging API, all types in the region), grouped by run id with the age the run id carries. Dry run by
 * default. With `--yes`, runs old enough are destroyed through the work directory the run kept (in
 * the temporary directory, `<run id>-*`: a crashed or killed run leaves it, and terraform's state
 * there knows every resource); a run whose work directory is gone (another machine, a CI runner) is
 * listed with its ARNs for deletion by hand — the tagging API can find resources but not delete them.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runIdStartedAt } from "./terraform-deployment.js";

export interface TaggedResource {
  readonly arn: string;
  readonly run: string;
}

/** One page of GetResources; the real client is wrapped by {@link taggingClient}. */
export type GetResources = (paginationToken: string | undefined) => Promise<{ resources: TaggedResource[]; next?: string }>;

export async function taggingClient(region: string): Promise<GetResources> {
  const mod = "@aws-sdk/client-resource-groups-tagging-api";
  const api = (await import(mod)) as {
    ResourceGroupsTaggingAPIClient: new (c: object) => { send(c: unknown): Promise<{ ResourceTagMappingList?: Array<{ ResourceARN?: string; Tags?: Array<{ Key?: string; Value?: string }> }>; PaginationToken?: string }> };
    GetResourcesCommand: new (i: object) => unknown;
  };
  const client = new api.ResourceGroupsTaggingAPIClient({ region });
  return async (token) => {
    const page = await client.send(new api.GetResourcesCommand({ TagFilters: [{ Key: "noros:run" }], ...(token ? { PaginationToken: token } : {}) }));
    return {
      resources: (page.ResourceTagMappingList ?? []).map((r) => ({ arn: r.ResourceARN ?? "?", run: r.Tags?.find((t) => t.Key === "noros:run")?.Value ?? "?" })),
      ...(page.PaginationToken ? { next: page.PaginationToken } : {}),
    };
  };
}

export interface LeakedRun {
  readonly run: string;
  readonly ageMs?: number;
  readonly arns: string[];
}

export async function findLeakedRuns(get: GetResources, now = Date.now()): Promise<LeakedRun[]> {
  const byRun = new Map<string, string[]>();
  let token: string | undefined;
  do {
    const page = await get(token);
    for (const r of page.resources) byRun.set(r.run, [...(byRun.get(r.run) ?? []), r.arn]);
    token = page.next;
  } while (token);
  return [...byRun].map(([run, arns]) => {
    const started = runIdStartedAt(run);
    return { run, ...(started === undefined ? {} : { ageMs: now - started }), arns: arns.sort() };
  }).sort((a, b) => a.run.localeCompare(b.run));
}

/** `2h`, `30m`, `1d` in ms. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([mhd])$/.exec(text.trim());
  if (!m) throw new Error(`--older-than ${text}: use a number and m, h or d (e.g. 2h)`);
  return Number(m[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as "m" | "h" | "d"];
}

export interface SweepOptions {
  readonly olderThanMs: number;
  readonly yes: boolean;
  readonly terraform?: string;
  /** Where work directories are looked for (default the temporary directory). */
  readonly workRoot?: string;
  readonly out: (line: string) => void;
}

/** Returns whether nothing old enough is left (true also in a dry run with nothing to sweep). */
export function sweepRuns(runs: readonly LeakedRun[], options: SweepOptions): boolean {
  const old = runs.filter((r) => r.ageMs === undefined || r.ageMs >= options.olderThanMs);
  const age = (ms: number | undefined) => (ms === undefined ? "age unknown" : `${(ms / 3_600_000).toFixed(1)} h old`);
  options.out(`${runs.length} run(s) with resources tagged noros:run, ${old.length} older than the limit (or of unknown age)`);
  let clean = true;
  for (const r of runs) {
    const selected = old.includes(r);
    options.out(`${r.run} (${age(r.ageMs)}, ${r.arns.length} resource(s))${selected ? "" : " — too recent, left alone"}`);
    for (const arn of r.arns) options.out(`  ${arn}`);
    if (!selected || !options.yes) continue;
    const root = options.workRoot ?? tmpdir();
    const dir = existsSync(root) ? readdirSync(root).filter((d) => d.startsWith(`${r.run}-`)).map((d) => path.join(root, d, "out", "terraform")).find((d) => existsSync(d)) : undefined;
    if (!dir) {
      clean = false;
      options.out(`  cannot destroy: no work directory ${r.run}-* with its terraform state here; delete the resources above by hand (or from the machine that ran it)`);
      continue;
    }
    const vars = ["-var", `name_prefix=${r.run}`, "-var", `noros_run=${r.run}`];
    const done = spawnSync(options.terraform ?? "terraform", ["destroy", "-auto-approve", "-input=false", "-no-color", ...vars], { cwd: dir, stdio: ["ignore", "ignore", "inherit"] });
    if (done.status === 0) options.out(`  destroyed through ${dir}`);
    else {
      clean = false;
      options.out(`  terraform destroy in ${dir} failed (exit ${done.status ?? "signal"})`);
    }
  }
  if (!options.yes && old.length > 0) options.out("dry run: nothing was deleted (add --yes to destroy the runs above)");
  return options.yes ? clean : true;
}
