import { describe, expect, it } from "vitest";
import { vrlCondition, vrlPath, vrlProgram, vrlRegex, vrlString } from "../targets/nix/modules/vrl.js";

describe("VRL printer", () => {
  it("escapes strings as VRL's lexer reads them", () => {
    expect(vrlString('say "hi"\\now\n\t')).toBe('"say \\"hi\\"\\\\now\\n\\t"');
    // `{{` is split, so no version of VRL reads a template in it.
    expect(vrlString("a {{ b }} c")).toBe('("a {" + "{ b }} c")');
    expect(() => vrlString("bell\u0007")).toThrow(/control characters/);
  });

  it("writes regex literals with their quotes escaped", () => {
    expect(vrlRegex("it's (?P<x>\\d+)$")).toBe("r'it\\'s (?P<x>\\d+)$'");
    expect(() => vrlRegex("a\nb")).toThrow();
  });

  it("quotes path segments that are not identifiers", () => {
    expect(vrlPath("http.status")).toBe(".http.status");
    expect(vrlPath("user-agent.@version")).toBe('."user-agent"."@version"');
  });

  it("prints conditions that are false, never an error, for missing fields or other types", () => {
    expect(vrlCondition({ field: "level", equals: "error" })).toBe('.level == "error"');
    expect(vrlCondition({ field: "n", equals: 1.5 })).toBe(".n == 1.5");
    expect(vrlCondition({ field: "level", oneOf: ["a", 1, true] })).toBe('includes(["a", 1, true], .level)');
    expect(vrlCondition({ field: "msg", matches: "^x'y" })).toBe("match(string(.msg) ?? \"\", r'^x\\'y')");
    expect(vrlCondition({ field: "a", exists: false })).toBe("!exists(.a)");
    expect(vrlCondition({ field: "s", atLeast: 500 })).toBe("((is_integer(.s) || is_float(.s)) && (to_float(.s) ?? 0.0) >= 500.0)");
    expect(vrlCondition({ all: [{ field: "a", exists: true }, { not: { any: [{ field: "b", equals: false }, { field: "c", equals: 0 }] } }] })).toBe(
      "(exists(.a) && !((.b == false || .c == 0)))",
    );
  });

  it("prints parse and map steps that keep events they cannot parse", () => {
    expect(vrlProgram({ parse: "json" })).toBe('parsed = object(parse_json(string(.message) ?? "") ?? null) ?? {}\n. = merge(., parsed)\n');
    expect(vrlProgram({ parse: { regex: "^(?P<a>\\w+)" } })).toBe("parsed = parse_regex(string(.message) ?? \"\", r'^(?P<a>\\w+)') ?? {}\n. = merge(., parsed)\n");
    expect(vrlProgram({ map: { rename: { "old-name": "new" }, set: { env: "prod" }, remove: ["secret"] } })).toBe(
      'if exists(."old-name") {\n  .new = del(."old-name")\n}\n.env = "prod"\ndel(.secret)\n',
    );
  });
});
