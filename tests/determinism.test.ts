import { execFileSync } from "node:child_process";
import { cpSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, tempDir } from "./helpers/cli.js";
import { listFiles } from "./helpers/examples.js";

const bin = path.join(repoRoot, "bin", "noros.js");

function compileIn(cwd: string, file: string, out: string, env: Record<string, string>): void {
  execFileSync(process.execPath, [bin, "compile", file, "-o", out], { cwd, env: { PATH: process.env.PATH ?? "", ...env }, stdio: "pipe" });
}

describe("determinism", () => {
  it("gives byte-identical output from different directories, time zones and locales", () => {
    // The same system in two different places on disk, compiled by two separate processes.
    const first = tempDir("noros-det-a-");
    const second = path.join(tempDir("noros-det-b-"), "nested", "copy");
    cpSync(path.join(repoRoot, "examples", "bucket-host"), first, { recursive: true });
    cpSync(path.join(repoRoot, "examples", "bucket-host"), second, { recursive: true });

    compileIn(first, "bucket-host.noros.ts", path.join(first, "out"), { TZ: "UTC", LANG: "C" });
    compileIn(path.dirname(second), path.join("copy", "bucket-host.noros.ts"), path.join(second, "elsewhere"), {
      TZ: "Pacific/Kiritimati",
      LANG: "de_DE.UTF-8",
      LC_ALL: "tr_TR.UTF-8",
    });

    const a = path.join(first, "out");
    const b = path.join(second, "elsewhere");
    expect(listFiles(b)).toEqual(listFiles(a));
    for (const file of listFiles(a)) {
      expect(readFileSync(path.join(b, file)).equals(readFileSync(path.join(a, file))), file).toBe(true);
    }
  });
});
