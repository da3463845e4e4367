import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasNix } from "./helpers/nix.js";
import { nix, type NixExpr } from "../targets/nix/ast.js";
import { attrName, printNix } from "../targets/nix/print.js";


/** Evaluates a Nix expression with the real evaluator (no store needed for plain values). */
function evaluate(expression: string): unknown {
  const dir = mkdtempSync(path.join(tmpdir(), "noros-nix-"));
  const file = path.join(dir, "e.nix");
  writeFileSync(file, expression);
  const out = execFileSync("nix-instantiate", ["--eval", "--strict", "--json", "--readonly-mode", file], {
    encoding: "utf8",
    env: { ...process.env, NIX_STATE_DIR: dir, NIX_STORE_DIR: path.join(dir, "store"), NIX_LOG_DIR: dir },
  });
  return JSON.parse(out);
}

// Strings full of what Nix treats specially: $, {, \, ", ', newlines.
const hostile = fc.string({ unit: fc.constantFrom("$", "{", "}", "\\", '"', "'", "\n", "\t", "\r", "a", " ", "''", "${", "é", "😀") });
const anyText = fc.oneof(hostile, fc.string({ unit: "grapheme" }), fc.string());

describe("Nix printer", () => {
  it("prints nested modules idiomatically", () => {
    const text = printNix(
      nix.comment(
        "Generated.",
        nix.fn(["pkgs"], nix.attrs({ "services.nginx.enable": nix.bool(true), "environment.systemPackages": nix.list([nix.ref("pkgs.curl")]), "a-b.c'd": nix.num(3) })),
      ),
    );
    expect(text).toBe(
      "# Generated.\n{ pkgs, ... }:\n{\n  services.nginx.enable = true;\n  environment.systemPackages = [ pkgs.curl ];\n  a-b.c'd = 3;\n}\n",
    );
  });

  it("quotes attribute names that are not identifiers or are keywords", () => {
    expect(attrName("enable")).toBe("enable");
    expect(attrName("with")).toBe('"with"');
    expect(attrName("a.b")).toBe('"a.b"');
    expect(attrName("9lives")).toBe('"9lives"');
  });

  it.skipIf(!hasNix)("any string survives printing in both string forms (nix-instantiate --eval)", () => {
    const samples = fc.sample(anyText, { numRuns: 400, seed: 42 });
    samples.push("$${x}", "''${x}", "a'", "'", "''", "\\${x}", "line\n", "  indented\nnot\n", "$", "${", "}");
    const list: NixExpr = nix.list(samples.flatMap((s) => [nix.str(s), nix.multiline(s)]));
    const evaluated = evaluate(printNix(list)) as string[];
    expect(evaluated).toEqual(samples.flatMap((s) => [s, s]));
  });

  it.skipIf(!hasNix)("any attribute name survives (builtins.attrNames)", () => {
    const names = [...new Set(fc.sample(anyText.filter((s) => s.length > 0), { numRuns: 200, seed: 7 }))];
    const set = nix.attrsFromPaths(names.map((n) => [[n], nix.bool(true)] as const));
    const evaluated = evaluate(`builtins.attrNames (${printNix(set)})`) as string[];
    expect(evaluated).toHaveLength(names.length);
    expect(new Set(evaluated)).toEqual(new Set(names));
  });
});
