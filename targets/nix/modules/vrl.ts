/**
 * The one place VRL (Vector Remap Language) text is made, from the typed conditions and steps of a
 * log pipeline: field paths are quoted where VRL needs it, strings and regular expressions are escaped
 * as VRL's lexer reads them, and numbers are written as VRL literals. Callers never write VRL.
 */
import type { ConditionProps, LogStep } from "../../../dsl/schemas/nixos/log-pipeline.js";

type Scalar = string | number | boolean;

function assertPrintable(text: string): void {
  // VRL strings have escapes for these three only; anything else invisible is refused, not guessed at.
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) throw new Error(`VRL text cannot hold control characters: ${JSON.stringify(text)}`);
}

/** A VRL string literal holding exactly `text`. `{{` is split so that no version of VRL reads a template. */
export function vrlString(text: string): string {
  assertPrintable(text);
  const body = text.replace(/[\\"\n\r\t]/g, (c) => ({ "\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t" })[c] as string);
  const pieces = body.split("{{");
  return pieces.length === 1 ? `"${body}"` : `(${pieces.map((p, i) => `"${i > 0 ? "{" : ""}${p}${i < pieces.length - 1 ? "{" : ""}"`).join(" + ")})`;
}

/** A VRL regex literal `r'...'`: a quote inside is escaped, the rest is the regex as written. */
export function vrlRegex(pattern: string): string {
  assertPrintable(pattern);
  if (pattern.includes("\n")) throw new Error("a VRL regex literal cannot span lines");
  return `r'${pattern.replace(/'/g, "\\'")}'`;
}

/** A VRL float literal (comparisons convert the field to a float). */
export function vrlFloat(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`VRL has no float ${value}`);
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

function vrlScalar(value: Scalar): string {
  if (typeof value === "string") return vrlString(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  return Number.isInteger(value) ? String(value) : vrlFloat(value);
}

/** `.a.b`, with segments that are not plain identifiers quoted: `."user-agent"`. */
export function vrlPath(field: string): string {
  return field
    .split(".")
    .map((segment) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(segment) ? `.${segment}` : `.${vrlString(segment)}`))
    .join("");
}

/** A condition as a VRL boolean expression; a missing field or a value of another type is false, never an error. */
export function vrlCondition(condition: ConditionProps): string {
  if ("not" in condition) return `!(${vrlCondition(condition.not)})`;
  if ("all" in condition) return `(${condition.all.map(vrlCondition).join(" && ")})`;
  if ("any" in condition) return `(${condition.any.map(vrlCondition).join(" || ")})`;
  const field = vrlPath(condition.field);
  if ("equals" in condition) return `${field} == ${vrlScalar(condition.equals)}`;
  if ("oneOf" in condition) return `includes([${condition.oneOf.map(vrlScalar).join(", ")}], ${field})`;
  if ("matches" in condition) return `match(string(${field}) ?? "", ${vrlRegex(condition.matches)})`;
  if ("exists" in condition) return condition.exists ? `exists(${field})` : `!exists(${field})`;
  return `((is_integer(${field}) || is_float(${field})) && (to_float(${field}) ?? 0.0) >= ${vrlFloat(condition.atLeast)})`;
}

/** A remap program for a parse or map step (filters are conditions, not programs). */
export function vrlProgram(step: Exclude<LogStep, { filter: unknown }>): string {
  if ("parse" in step) {
    // Events whose message is not of that shape pass unchanged: a pipeline never drops what it cannot parse.
    const parsed =
      step.parse === "json"
        ? `parsed = object(parse_json(string(.message) ?? "") ?? null) ?? {}`
        : `parsed = parse_regex(string(.message) ?? "", ${vrlRegex(step.parse.regex)}) ?? {}`;
    return `${parsed}\n. = merge(., parsed)\n`;
  }
  const lines: string[] = [];
  for (const [from, to] of Object.entries(step.map.rename).sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(`if exists(${vrlPath(from)}) {\n  ${vrlPath(to)} = del(${vrlPath(from)})\n}`);
  }
  for (const [field, value] of Object.entries(step.map.set).sort(([a], [b]) => (a < b ? -1 : 1))) lines.push(`${vrlPath(field)} = ${vrlScalar(value)}`);
  for (const field of step.map.remove) lines.push(`del(${vrlPath(field)})`);
  return `${lines.join("\n")}\n`;
}
