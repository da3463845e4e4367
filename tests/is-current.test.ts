import { mkdirSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isCurrent } from "../compiler/util/is-current.js";
import { tempDir } from "./helpers/cli.js";

describe("prebuilt artefacts are used only while current", () => {
  it("is stale once any .ts source under the directories is newer, or when it is missing", () => {
    const dir = tempDir();
    const sources = path.join(dir, "dsl");
    mkdirSync(path.join(sources, "schemas"), { recursive: true });
    const source = path.join(sources, "schemas", "bucket.ts");
    writeFileSync(source, "export {};\n");
    const built = path.join(dir, "built.json");
    expect(isCurrent(built, [sources])).toBe(false);
    writeFileSync(built, "{}");
    utimesSync(source, new Date(1_000_000), new Date(1_000_000));
    expect(isCurrent(built, [sources])).toBe(true);
    utimesSync(source, new Date(), new Date(Date.now() + 60_000));
    expect(isCurrent(built, [sources])).toBe(false);
  });
});
