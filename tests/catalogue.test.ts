import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogue } from "../compiler/diagnostics/catalogue.js";
import { repoRoot, runCli } from "./helpers/cli.js";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : full.endsWith(".ts") ? [full] : [];
  });
}

describe("diagnostic catalogue", () => {
  it("explains every code the compiler can raise", () => {
    const raised = new Set<string>();
    for (const dir of ["compiler", "dsl", "targets"]) {
      for (const file of sources(path.join(repoRoot, dir))) {
        for (const match of readFileSync(file, "utf8").matchAll(/"(NOROS\d{4})"/g)) raised.add(match[1] as string);
      }
    }
    expect([...raised].filter((code) => !catalogue[code])).toEqual([]);
  });

  it("noros explain prints the explanation, and rejects an unknown code", async () => {
    const run = await runCli(["explain", "NOROS1102"], repoRoot);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("NOROS1102: An impure global or method.");
    expect(run.stdout).toContain("Date.now()");
    expect((await runCli(["explain", "NOROS0000"], repoRoot)).code).toBe(1);
  });
});
