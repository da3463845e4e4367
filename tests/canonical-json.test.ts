import { describe, expect, it } from "vitest";
import { canonicalJson } from "../compiler/util/canonical-json.js";

describe("canonicalJson", () => {
  it("prints the same bytes whatever order keys were added in", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: null } })).toBe(canonicalJson({ a: { c: null, d: [3, 1] }, b: 1 }));
  });

  it("keeps array order and ends with a newline", () => {
    expect(canonicalJson({ z: ["b", "a"] }, 0)).toBe('{"z":["b","a"]}\n');
  });

  it("drops undefined properties", () => {
    expect(canonicalJson({ a: undefined, b: 2 }, 0)).toBe('{"b":2}\n');
  });
});
