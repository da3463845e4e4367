import type { RunReport } from "./types.js";

const s = (ms: number | undefined) => (ms === undefined ? "-" : `${(ms / 1000).toFixed(1)} s`);

/** The summary table printed at the end of a run. */
export function formatReport(report: RunReport): string {
  const rows = report.cases.map((c) => [
    c.name,
    c.tier,
    c.status,
    s(c.phases?.build),
    s(c.healthyAfterMs),
    c.teardown ? (c.teardown.ok ? "ok" : "FAILED") : "-",
    c.status === "passed" ? "" : (c.reason ?? "").split("\n")[0] ?? "",
  ]);
  const header = ["case", "tier", "result", "build", "healthy after", "teardown", "reason"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] as number))).join("  ").trimEnd();
  const { passed, failed, skipped } = report.summary;
  return [line(header), ...rows.map(line), "", `run ${report.runId}: ${passed} passed, ${failed} failed, ${skipped} skipped`, ""].join("\n");
}
