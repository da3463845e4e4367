import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DiagnosticsError } from "../compiler/diagnostics/diagnostic.js";
import { MANIFEST, writeOutput } from "../compiler/emit/write-output.js";
import { tempDir } from "./helpers/cli.js";

describe("writeOutput", () => {
  it("replaces a previous output completely: stale files disappear", () => {
    const out = path.join(tempDir(), "out");
    writeOutput(out, [{ path: "a/old.txt", contents: "old" }, { path: MANIFEST, contents: "{}" }]);
    writeOutput(out, [{ path: "b/new.txt", contents: "new" }, { path: MANIFEST, contents: "{}" }]);
    expect(existsSync(path.join(out, "a", "old.txt"))).toBe(false);
    expect(readFileSync(path.join(out, "b", "new.txt"), "utf8")).toBe("new");
    expect(readdirSync(path.dirname(out))).toEqual(["out"]);
  });

  it("leaves the old output untouched when writing fails midway", () => {
    const out = path.join(tempDir(), "out");
    writeOutput(out, [{ path: "keep.txt", contents: "v1" }, { path: MANIFEST, contents: "{}" }]);
    expect(() => writeOutput(out, [{ path: "ok.txt", contents: "v2" }, { path: "../escape.txt", contents: "x" }])).toThrow();
    expect(readFileSync(path.join(out, "keep.txt"), "utf8")).toBe("v1");
    expect(readdirSync(path.dirname(out))).toEqual(["out"]);
  });

  it("refuses to replace a directory that is not a noros output", () => {
    const out = path.join(tempDir(), "src");
    mkdirSync(out);
    writeFileSync(path.join(out, "precious.ts"), "keep me");
    expect(() => writeOutput(out, [{ path: MANIFEST, contents: "{}" }])).toThrow(DiagnosticsError);
    expect(readFileSync(path.join(out, "precious.ts"), "utf8")).toBe("keep me");
  });
});
