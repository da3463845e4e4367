import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DiagnosticsError } from "../compiler/diagnostics/diagnostic.js";
import { findSystemFile } from "../compiler/load/find-system-file.js";
import { tempDir } from "./helpers/cli.js";

function failure(fn: () => unknown): DiagnosticsError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DiagnosticsError) return error;
    throw error;
  }
  throw new Error("expected a DiagnosticsError");
}

describe("findSystemFile", () => {
  it("uses the single *.noros.ts in the directory", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "shop.noros.ts"), "");
    writeFileSync(path.join(dir, "helper.ts"), "");
    expect(findSystemFile(undefined, dir)).toBe(path.join(dir, "shop.noros.ts"));
  });

  it("refuses several, naming each", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "b.noros.ts"), "");
    writeFileSync(path.join(dir, "a.noros.ts"), "");
    const [d] = failure(() => findSystemFile(undefined, dir)).diagnostics;
    expect(d?.code).toBe("NOROS1002");
    expect(d?.message).toContain("a.noros.ts, b.noros.ts");
  });

  it("refuses none, saying where it looked", () => {
    const dir = tempDir();
    const [d] = failure(() => findSystemFile(undefined, dir)).diagnostics;
    expect(d?.code).toBe("NOROS1001");
    expect(d?.message).toContain(dir);
  });

  it("reports a named file that does not exist", () => {
    const [d] = failure(() => findSystemFile("nope.noros.ts", tempDir())).diagnostics;
    expect(d?.code).toBe("NOROS1003");
  });
});
