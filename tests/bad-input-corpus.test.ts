import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli, tempDir } from "./helpers/cli.js";

/**
 * Every file in tests/corpus/ is a system with exactly one mistake. Its first line says what the
 * author must see: `// expect: NOROS1234 line:col`. Compiling it must exit 1, report that code at that
 * position, and create no output directory.
 */
const corpus = path.join(repoRoot, "tests", "corpus");
const cases = readdirSync(corpus).filter((f) => f.endsWith(".noros.ts")).sort();

describe("bad-input corpus", () => {
  it("has at least 25 cases", async () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  it.each(cases)("%s", async (name) => {
    const file = path.join(corpus, name);
    const header = /^\/\/ expect: (NOROS\d{4}) (\d+):(\d+)/.exec(readFileSync(file, "utf8"));
    expect(header, `${name} must start with // expect: NOROSxxxx line:col`).not.toBeNull();
    const [, code, line, col] = header as RegExpExecArray;
    const out = path.join(tempDir(), "out");

    const run = await runCli(["compile", file, "-o", out], corpus);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${name}:${line}:${col} error ${code} `);
    expect(existsSync(out)).toBe(false);
  });
});
