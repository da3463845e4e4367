import path from "node:path";
import { describe, expect, it } from "vitest";
import { createProgress, progressMode } from "../compiler/cli/progress.js";
import type { Io } from "../compiler/cli/output.js";
import { repoRoot, runCli, tempDir } from "./helpers/cli.js";

function capture(interactive: boolean): { io: Io; err: () => string } {
  let err = "";
  return { io: { cwd: "/", stdout: () => {}, stderr: (t) => (err += t), interactive }, err: () => err };
}

describe("compile progress", () => {
  it("prints a line per phase with --progress, leaving stdout to the result", async () => {
    const out = path.join(tempDir(), "out");
    const result = await runCli(["compile", path.join(repoRoot, "examples", "hello", "hello.noros.ts"), "-o", out, "--no-cache", "--progress"], repoRoot);
    expect(result.code).toBe(0);
    const phases = result.stderr.trim().split("\n").map((line) => /^noros: \S+hello\.noros\.ts: (\w+) \d+\.\d+ s$/.exec(line)?.[1]);
    expect(phases).toEqual(["typecheck", "evaluate", "validate", "resolve", "resolve", "lower", "validate", "emit", "emit"]);
    expect(result.stdout).toMatch(/^compiled hello:/);
  });

  it("stays silent when stdout is JSON or stderr is not a terminal", () => {
    expect(progressMode(capture(true).io, true, true)).toBe("off");
    expect(progressMode(capture(false).io, undefined, false)).toBe("off");
    expect(progressMode(capture(false).io, true, false)).toBe("plain");
    expect(progressMode(capture(true).io, undefined, false)).toBe("live");
  });

  it("on a terminal shows a status line only once the work has taken a second, and erases it", () => {
    const { io, err } = capture(true);
    let clock = 0;
    const progress = createProgress(io, "live", "noros", () => clock);
    progress.phase("typecheck", 400);
    clock = 400;
    progress.done();
    expect(err()).toBe("");

    const slow = capture(true);
    clock = 0;
    const long = createProgress(slow.io, "live", "noros", () => clock);
    long.phase("typecheck", 500);
    clock = 1500;
    long.phase("evaluate", 1000);
    long.done();
    expect(slow.err()).toBe("\r\u001b[Knoros: typecheck 0.50 s, evaluate 1.00 s …\r\u001b[K");
  });
});
