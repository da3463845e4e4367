import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sha256 } from "../compiler/util/hash.js";
import { textChunks, writeContents } from "../compiler/util/text-chunks.js";
import { tempDir } from "./helpers/cli.js";

// Astral characters (two UTF-16 units each) straddle every possible slice boundary.
const text = "a😀b".repeat(40_000) + "é" + "😀".repeat(70_001);

describe("text in slices", () => {
  it("never splits a surrogate pair, so the slices encode to the bytes of the whole", () => {
    for (const size of [1, 2, 3, 7, 1 << 16]) {
      const chunks = [...textChunks(text, size)];
      expect(chunks.join("")).toBe(text);
      expect(Buffer.concat(chunks.map((c) => Buffer.from(c, "utf8")))).toEqual(Buffer.from(text, "utf8"));
    }
  });

  it("hashes and writes exactly what the whole text is", () => {
    expect(sha256(text)).toBe(createHash("sha256").update(text).digest("hex"));
    const file = path.join(tempDir(), "out.txt");
    writeContents(file, text);
    expect(readFileSync(file, "utf8")).toBe(text);
  });
});
