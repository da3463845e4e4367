import { cpSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, runCli, tempDir } from "./helpers/cli.js";

describe("compile cache", () => {
  const previous = process.env.NOROS_CACHE_DIR;
  beforeAll(() => {
    process.env.NOROS_CACHE_DIR = tempDir("noros-cache-");
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.NOROS_CACHE_DIR;
    else process.env.NOROS_CACHE_DIR = previous;
  });

  it("serves an unchanged system from the cache with identical output, and recompiles when an imported file changes", async () => {
    const dir = path.join(tempDir(), "bucket-host");
    cpSync(path.join(repoRoot, "examples", "bucket-host"), dir, { recursive: true, filter: (src) => !src.endsWith(`${path.sep}out`) });
    const main = () => readFileSync(path.join(dir, "out", "terraform", "main.tf.json"), "utf8");

    const first = await runCli(["compile"], dir);
    expect(first.stdout).not.toContain("from cache");
    const original = main();

    const second = await runCli(["compile"], dir);
    expect(second.stdout).toContain("from cache");
    expect(main()).toBe(original);

    const bypass = await runCli(["compile", "--no-cache"], dir);
    expect(bypass.stdout).not.toContain("from cache");

    const network = path.join(dir, "network.ts");
    writeFileSync(network, readFileSync(network, "utf8").replace('cidr: "10.20.0.0/16"', 'cidr: "10.20.0.0/16" '));
    const third = await runCli(["compile"], dir);
    expect(third.stdout).not.toContain("from cache");
  });

  it("ignores an entry whose bytes were cut short, and compiles for real", async () => {
    const dir = path.join(tempDir(), "hello");
    cpSync(path.join(repoRoot, "examples", "hello"), dir, { recursive: true, filter: (src) => !src.endsWith(`${path.sep}out`) });
    expect((await runCli(["compile"], dir)).code).toBe(0);
    const original = readFileSync(path.join(dir, "out", "terraform", "main.tf.json"), "utf8");
    const cache = process.env.NOROS_CACHE_DIR as string;
    for (const blob of readdirSync(cache).filter((f) => f.endsWith(".bin"))) truncateSync(path.join(cache, blob), 10);
    const again = await runCli(["compile"], dir);
    expect(again.stdout).not.toContain("from cache");
    expect(readFileSync(path.join(dir, "out", "terraform", "main.tf.json"), "utf8")).toBe(original);
  });

  it("stays under NOROS_CACHE_MAX_MB by removing the entries used longest ago", async () => {
    const cache = tempDir("noros-cache-small-");
    const saved = { dir: process.env.NOROS_CACHE_DIR, max: process.env.NOROS_CACHE_MAX_MB };
    process.env.NOROS_CACHE_DIR = cache;
    try {
      const copies = ["a", "b", "c"].map((name) => {
        const dir = path.join(tempDir(), name);
        cpSync(path.join(repoRoot, "examples", "hello"), dir, { recursive: true, filter: (src) => !src.endsWith(`${path.sep}out`) });
        return dir;
      });
      const [a, b, c] = copies as [string, string, string];
      expect((await runCli(["compile"], a)).code).toBe(0);
      const entryBytes = readdirSync(cache).filter((f) => /^[0-9a-f]{64}\.(json|bin)$/.test(f)).reduce((sum, f) => sum + statSync(path.join(cache, f)).size, 0);
      // Room for two entries of this size, not three.
      process.env.NOROS_CACHE_MAX_MB = String((entryBytes * 2.5) / (1024 * 1024));
      expect((await runCli(["compile"], b)).code).toBe(0);
      // a is used again, so b is now the entry used longest ago.
      expect((await runCli(["compile"], a)).stdout).toContain("from cache");
      expect((await runCli(["compile"], c)).code).toBe(0);
      expect(readdirSync(cache).filter((f) => f.endsWith(".json"))).toHaveLength(2);
      expect((await runCli(["compile"], a)).stdout).toContain("from cache");
      expect((await runCli(["compile"], c)).stdout).toContain("from cache");
      expect((await runCli(["compile"], b)).stdout).not.toContain("from cache");
    } finally {
      process.env.NOROS_CACHE_DIR = saved.dir;
      if (saved.max === undefined) delete process.env.NOROS_CACHE_MAX_MB;
      else process.env.NOROS_CACHE_MAX_MB = saved.max;
    }
  });

  it("never caches a failure", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "bad.noros.ts"), 'import { system } from "noros";\nexport default system("x", { region: "nowhere", resources: [] });\n');
    expect((await runCli(["compile"], dir)).code).toBe(1);
    expect((await runCli(["compile"], dir)).code).toBe(1);
  });
});
