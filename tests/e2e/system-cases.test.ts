import path from "node:path";
import { describe, expect, it } from "vitest";
import { casesFromSystem } from "./harness/system-cases.js";
import { repoRoot } from "../helpers/cli.js";

describe("cases derived from a system without a case list", () => {
  it("gives one local case per service, probing its health check", () => {
    const dir = path.join(repoRoot, "examples", "sandbox-platform");
    expect(casesFromSystem("sandbox-platform.noros.ts", dir)).toEqual([
      { name: "sandbox-platform-api", system: "sandbox-platform.noros.ts", tier: "local", endpoint: "service:api/health", expect: { status: 200 }, timeoutS: 180 },
    ]);
  });

  it("gives none for a system without services", () => {
    expect(casesFromSystem(path.join(repoRoot, "examples", "game-server", "game-server.noros.ts"), repoRoot)).toEqual([]);
  });
});

describe("noros test in a project made by noros init", () => {
  it("tests the system's services when there is no case list", async () => {
    const { runCli, tempDir } = await import("../helpers/cli.js");
    const parent = tempDir();
    expect((await runCli(["init", "shop", "--template", "web-service"], parent)).code).toBe(0);
    // The aws tier selects none of the derived (local) cases, so nothing is built: the report shows
    // which cases were found and why they did not run.
    const run = await runCli(["test", "--tier", "aws", "--json"], path.join(parent, "shop"));
    expect(run.stderr).toContain("no tests/e2e/cases.ts: one local case per service of shop.noros.ts");
    const report = JSON.parse(run.stdout) as { cases: Array<{ name: string; status: string }> };
    expect(report.cases.map((c) => [c.name, c.status])).toEqual([["shop-web", "skipped"]]);
    expect(run.code).toBe(0);
  });
});
