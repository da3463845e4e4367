import path from "node:path";
import { describe, expect, it } from "vitest";
import { nativeTscFor, parseDiagnostics } from "../compiler/load/native-typecheck.js";
import { typecheck } from "../compiler/load/typecheck.js";
import { repoRoot, writeSystem } from "./helpers/cli.js";

describe("the native TypeScript compiler's output", () => {
  it("becomes one error per diagnostic, its chain on one line as TypeScript itself flattens it", () => {
    const output = [
      "sys.noros.ts(3,60): error TS2322: Type 'Network' is not assignable to type 'Host'.",
      "  Types of property 'kind' are incompatible.",
      "    Type '\"network\"' is not assignable to type '\"host\"'.",
      "lib/parts (old).ts(12,5): error TS2304: Cannot find name 'x'.",
      "",
      "Found 2 errors.",
    ].join("\n");
    expect(parseDiagnostics(output, "/work/sys")).toEqual([
      {
        file: "/work/sys/sys.noros.ts",
        line: 3,
        col: 60,
        code: 2322,
        message: "Type 'Network' is not assignable to type 'Host'.   Types of property 'kind' are incompatible.     Type '\"network\"' is not assignable to type '\"host\"'.",
      },
      { file: "/work/sys/lib/parts (old).ts", line: 12, col: 5, code: 2304, message: "Cannot find name 'x'." },
    ]);
  });
});

describe("the native TypeScript compiler", () => {
  it("is the platform's binary from the typescript package, or a clear error naming the package it needs", () => {
    expect(nativeTscFor(process.platform, process.arch)).toMatch(/@typescript[\\/]typescript-[a-z0-9]+-[a-z0-9]+[\\/]lib[\\/]tsc(\.exe)?$/);
    expect(() => nativeTscFor("plan9", "mips")).toThrow(/native compiler for plan9-mips \(@typescript\/typescript-plan9-mips\) is not installed/);
  });
});

describe("type-checking a system file", () => {
  it("reports an error in an imported file at that file's line and column", () => {
    const entry = writeSystem({
      "two.noros.ts": ['import { system } from "noros";', 'import { site } from "./parts.ts";', 'export default system("two", { region: "eu-central-1", resources: [site] });'].join("\n"),
      "parts.ts": ['import { bucket } from "noros";', "", 'export const site = bucket("site", { versioning: "yes" });'].join("\n"),
    });
    const checked = typecheck(entry);
    expect(checked.authorFiles.map((f) => path.basename(f.file))).toEqual(["two.noros.ts", "parts.ts"]);
    expect(checked.typeErrors.map((t) => [path.basename(t.diagnostic.file), t.diagnostic.line, t.diagnostic.col, t.diagnostic.code, t.tsCode])).toEqual([
      ["parts.ts", 3, 38, "NOROS1005", 2322],
    ]);
  });

  it("gives a syntax error its own code", () => {
    const entry = writeSystem({ "broken.noros.ts": 'import { system } from "noros";\nexport default system("broken", {;\n' });
    const codes = typecheck(entry).typeErrors.map((t) => t.diagnostic.code);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes).toContain("NOROS1004");
  });

  it("counts only the author's files, also inside the noros package itself", () => {
    // examples/ sits in the package named noros, where "noros" could resolve to the DSL's own sources.
    const checked = typecheck(path.join(repoRoot, "examples", "hello", "hello.noros.ts"));
    expect(checked.authorFiles.map((f) => path.relative(repoRoot, f.file))).toEqual([path.join("examples", "hello", "hello.noros.ts")]);
    expect(checked.typeErrors).toEqual([]);
  });
});
