import { cpSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli, tempDir } from "./helpers/cli.js";
import { examples, readTree } from "./helpers/examples.js";

/**
 * Each example's whole output, compared with the reviewed copy in tests/golden/<example>/. After an
 * intended change, regenerate with `UPDATE_GOLDEN=1 npx vitest run tests/golden.test.ts` and review the
 * diff before committing it.
 *
 * A service's build context (docker/<service>/context/) is a copy of the app's sources, so the golden
 * copy leaves it out: manifest.json, which is compared, pins every one of those files by its sha256.
 */
const isBuildContext = (file: string) => /^docker\/[^/]+\/context\//.test(file);
const withoutContexts = (tree: Map<string, string>) => new Map([...tree].filter(([file]) => !isBuildContext(file)));
describe("golden output of every example", () => {
  it.each(examples().map((e) => [e.name, e] as const))("%s", async (name, example) => {
    const out = path.join(tempDir(), "out");
    const run = await runCli(["compile", example.file, "-o", out], example.dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);

    const golden = path.join(repoRoot, "tests", "golden", name);
    if (process.env.UPDATE_GOLDEN === "1") {
      rmSync(golden, { recursive: true, force: true });
      mkdirSync(path.dirname(golden), { recursive: true });
      cpSync(out, golden, { recursive: true, filter: (src) => !isBuildContext(path.relative(out, src).split(path.sep).join("/")) });
    }
    const expected = readTree(golden);
    const actual = withoutContexts(readTree(out));
    expect([...actual.keys()]).toEqual([...expected.keys()]);
    for (const [file, contents] of actual) expect(contents, file).toBe(expected.get(file));
  });
});
