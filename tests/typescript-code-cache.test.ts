import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, tempDir } from "./helpers/cli.js";

/**
 * The installed CLI keeps V8's compiled TypeScript in the cache directory. Run as a user would (a real
 * process, dist/ built by `npm test`'s pretest), twice: the first run writes the code cache, the second
 * uses it, and both produce the same output.
 */
describe("TypeScript code cache of the CLI", () => {
  const compileHello = (cacheDir: string, out: string, env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [path.join(repoRoot, "bin", "noros.js"), "compile", "--no-cache", "-o", out], {
      cwd: path.join(repoRoot, "examples", "hello"),
      env: { ...process.env, NOROS_CACHE_DIR: cacheDir, ...env },
      encoding: "utf8",
    });

  it("is written by the first compile and gives the same output on the next", () => {
    const cacheDir = tempDir();
    const first = compileHello(cacheDir, path.join(tempDir(), "out"));
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    const written = readdirSync(cacheDir).filter((f) => f.endsWith(".v8cache"));
    expect(written).toHaveLength(1);

    const secondOut = path.join(tempDir(), "out");
    const second = compileHello(cacheDir, secondOut);
    expect(second.status).toBe(0);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith(".v8cache"))).toEqual(written);
    const firstManifest = readFileSync(path.join(repoRoot, "tests", "golden", "hello", "manifest.json"), "utf8");
    expect(readFileSync(path.join(secondOut, "manifest.json"), "utf8")).toBe(firstManifest);
  });

  it("is not used when NOROS_NO_CODE_CACHE=1", () => {
    const cacheDir = tempDir();
    const run = compileHello(cacheDir, path.join(tempDir(), "out"), { NOROS_NO_CODE_CACHE: "1" });
    expect(run.status).toBe(0);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith(".v8cache"))).toEqual([]);
  });
});
