import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { examples } from "./helpers/examples.js";
import { runCli, tempDir } from "./helpers/cli.js";

const messy = `// Leading comment: what this system is.
// Second line of it.
import {bucket,system} from 'noros'
const site=bucket('site',{versioning:true})
export default system('fmt',{region:'eu-west-1',resources:[site]})
`;

describe("noros fmt", () => {
  it("--check lists unformatted files, exits 1 and changes nothing", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "x.noros.ts"), messy);
    const run = await runCli(["fmt", "--check"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("not formatted: x.noros.ts\n");
    expect(readFileSync(path.join(dir, "x.noros.ts"), "utf8")).toBe(messy);
  });

  it("formats in place, keeps the leading comments on top, and is then stable", async () => {
    const dir = tempDir();
    const file = path.join(dir, "x.noros.ts");
    writeFileSync(file, messy);
    expect((await runCli(["fmt"], dir)).code).toBe(0);
    const formatted = readFileSync(file, "utf8");
    expect(formatted.startsWith("// Leading comment: what this system is.\n// Second line of it.\nimport { bucket, system } from \"noros\";\n")).toBe(true);
    expect(formatted).toContain('const site = bucket("site", { versioning: true });');
    expect((await runCli(["fmt", "--check"], dir)).code).toBe(0);
  });

  it.each(examples().map((e) => [e.name, e] as const))("example %s is formatted", async (_name, example) => {
    expect((await runCli(["fmt", "--check"], example.dir)).stdout).toBe("");
  });
});
