import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { syntheticSystem } from "./synthetic-system.js";

/**
 * `npm run bench [-- --json] [-- --sizes 1,10,100]`: compiles synthetic systems through the real CLI
 * (a fresh process each, type-check included) and reports wall time, peak RSS, output size and the time
 * of each phase.
 */
const args = process.argv.slice(2);
const json = args.includes("--json");
const sizesArg = args[args.indexOf("--sizes") + 1];
const sizes = args.includes("--sizes") && sizesArg ? sizesArg.split(",").map(Number) : [1, 10, 100, 1000, 10000];
const bin = path.resolve(import.meta.dirname, "..", "bin", "noros.js");
const phaseNames = ["typecheck", "evaluate", "validate", "resolve", "lower", "emit"] as const;

interface Row {
  N: number;
  resources: number;
  wall_ms: number;
  peak_rss_mb: number;
  output_bytes: number;
  phases_ms: Record<string, number>;
}

const rows: Row[] = [];
for (const n of sizes) {
  const dir = mkdtempSync(path.join(tmpdir(), "noros-bench-"));
  writeFileSync(path.join(dir, "bench.noros.ts"), syntheticSystem(n));
  const started = performance.now();
  const run = spawnSync(process.execPath, [bin, "compile", "-o", path.join(dir, "out")], {
    cwd: dir,
    env: { ...process.env, NOROS_PROFILE: "1" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = performance.now() - started;
  const profileLine = run.stderr.split("\n").find((l) => l.startsWith("noros-profile "));
  if (run.status !== 0 || !profileLine) {
    process.stderr.write(`bench: N=${n} failed (exit ${run.status}):\n${run.stderr}\n`);
    process.exit(1);
  }
  const profile = JSON.parse(profileLine.slice("noros-profile ".length)) as { phases: Record<string, number>; resources: number; output_bytes: number; peak_rss_mb: number };
  const row: Row = {
    N: n,
    resources: profile.resources,
    wall_ms: Math.round(wall),
    peak_rss_mb: Math.round(profile.peak_rss_mb),
    output_bytes: profile.output_bytes,
    phases_ms: Object.fromEntries(phaseNames.map((p) => [p, Math.round(profile.phases[p] ?? 0)])),
  };
  rows.push(row);
  if (json) process.stdout.write(`${JSON.stringify(row)}\n`);
  else if (rows.length === 1) process.stderr.write("bench: running");
  if (!json) process.stderr.write(` N=${n}`);
  rmSync(dir, { recursive: true, force: true });
}

if (!json) {
  process.stderr.write("\n");
  const header = ["N", "resources", "wall ms", "peak RSS MB", "output bytes", ...phaseNames];
  const table = rows.map((r) => [r.N, r.resources, r.wall_ms, r.peak_rss_mb, r.output_bytes, ...phaseNames.map((p) => r.phases_ms[p])].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => (t[i] as string).length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i] as number)).join("  ");
  process.stdout.write(`${line(header)}\n${table.map(line).join("\n")}\n`);
}
