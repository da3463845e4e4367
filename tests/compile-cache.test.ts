import { cpSync, readdirSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
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

  it("never caches a failure", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "bad.noros.ts"), 'import { system } from "noros";\nexport default system("x", { region: "nowhere", resources: [] });\n');
    expect((await runCli(["compile"], dir)).code).toBe(1);
    expect((await runCli(["compile"], dir)).code).toBe(1);
  });
});
