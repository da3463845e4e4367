import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile, type Compiled } from "../compiler/compile.js";
import { DiagnosticsError, type Diagnostic } from "../compiler/diagnostics/diagnostic.js";
import { policyRules } from "../compiler/policy/catalogue.js";
import { evaluatePolicy } from "../compiler/policy/engine.js";
import { validateTerraform } from "../targets/terraform/schema/validate.js";
import { writeSystem } from "./helpers/cli.js";
import { ruleFixtures, type Spec } from "./helpers/policy-fixtures.js";

const rulesOf = (spec: Spec) => evaluatePolicy({ resource: spec.resource ?? {}, data: spec.data ?? {} }).map((v) => v.rule.id);

describe("policy rule catalogue", () => {
  it("has at least 30 rules, each with a unique id, a one-line rationale and a control link", () => {
    expect(policyRules.length).toBeGreaterThanOrEqual(30);
    expect(new Set(policyRules.map((r) => r.id)).size).toBe(policyRules.length);
    for (const rule of policyRules) {
      expect(rule.id).toMatch(/^NOROS-[A-Z0-9]+-\d{3}$/);
      expect(rule.rationale).not.toContain("\n");
      expect(rule.control.url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    }
  });

  it("has a fixture for every rule", () => {
    expect(ruleFixtures.map((f) => f.rule).sort()).toEqual(policyRules.map((r) => r.id));
  });
});

describe.each(ruleFixtures)("$rule", ({ rule, violating, compliant }) => {
  it("fires on its violating fixture, and only it fires", () => {
    expect(rulesOf(violating)).toEqual([rule]);
  });
  it("is quiet on the corrected fixture", () => {
    expect(rulesOf(compliant)).toEqual([]);
  });
  it("uses fixtures that match the real provider schema", () => {
    for (const spec of [violating, compliant]) expect(validateTerraform({ resource: spec.resource ?? {}, data: spec.data ?? {} })).toEqual([]);
  });
});

/**
 * Every fixture as its own escape hatch, one per line, compiled as a user would: each rule's
 * diagnostic must land on its fixture's line, and waiving that rule for that construct must be enough.
 */
function fixtureSystem(waived: boolean): { file: string; lineOf: Map<string, number> } {
  const lineOf = new Map<string, number>();
  const lines = ['import { raw, system, waive } from "noros";'];
  const names: string[] = [];
  ruleFixtures.forEach(({ rule, violating }, index) => {
    const name = `fixture-${index}`;
    const spec = JSON.stringify({ reason: `fixture for ${rule}`, ...violating });
    const hatch = `raw.terraform("${name}", ${spec})`;
    lineOf.set(rule, lines.length + 1);
    lines.push(`const f${index} = ${waived ? `waive(${hatch}, "${rule}", "fixture: ${rule} is violated on purpose")` : hatch};`);
    names.push(`f${index}`);
  });
  lines.push(`export default system("policy-fixtures", { region: "eu-central-1", resources: [${names.join(", ")}] });`, "");
  return { file: writeSystem({ "fixtures.noros.ts": lines.join("\n") }), lineOf };
}

function compileOrDiagnostics(file: string): Compiled | readonly Diagnostic[] {
  try {
    return compile({ file, cwd: path.dirname(file), targets: ["terraform"] });
  } catch (error) {
    if (error instanceof DiagnosticsError) return error.diagnostics;
    throw error;
  }
}

describe("policy through the compiler", () => {
  it("reports each violation as NOROS5001 at the offending raw block's line, and writes nothing", () => {
    const { file, lineOf } = fixtureSystem(false);
    const result = compileOrDiagnostics(file);
    expect(Array.isArray(result), "the violating system must not compile").toBe(true);
    const diagnostics = result as readonly Diagnostic[];
    expect(diagnostics.every((d) => d.code === "NOROS5001" && d.file === file)).toBe(true);
    const found = diagnostics.map((d) => `${d.line} ${/^(NOROS-[A-Z0-9]+-\d{3})/.exec(d.message)?.[1]}`).sort();
    const expected = ruleFixtures.map(({ rule }) => `${lineOf.get(rule)} ${rule}`).sort();
    expect(found).toEqual(expected);
  });

  it("accepts the same system once each rule is waived for its construct, and lists the waivers", () => {
    const { file, lineOf } = fixtureSystem(true);
    const result = compileOrDiagnostics(file);
    expect(Array.isArray(result) ? (result as Diagnostic[]).map((d) => `${d.line}:${d.col} ${d.code} ${d.message}`) : []).toEqual([]);
    const compiled = result as Compiled;
    expect(compiled.diagnostics).toEqual([]);
    expect(compiled.policy.waivers.map((w) => `${w.pos.line} ${w.rule}`).sort()).toEqual(ruleFixtures.map(({ rule }) => `${lineOf.get(rule)} ${rule}`).sort());
  });
});
