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
    expect(casesFromSystem(path.join(repoRoot, "examples", "bucket-host", "bucket-host.noros.ts"), repoRoot)).toEqual([]);
  });
});
