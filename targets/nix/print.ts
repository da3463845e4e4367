import type { NixExpr } from "./ast.js";

const keywords = new Set(["if", "then", "else", "assert", "with", "let", "in", "rec", "inherit", "or"]);

/** A bare attribute name when Nix allows one, else a quoted string. */
export function attrName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_'-]*$/.test(name) && !keywords.has(name) ? name : quote(name);
}

/**
 * The body of a "..." string: backslash, quote and the control characters escaped, and every `$`
 * that would start an interpolation (`${`) escaped as `\$`.
 */
function escapeDoubleQuoted(text: string): string {
  return text.replace(/[\\"\n\r\t]|\$(?=\{)/g, (c) => ({ "\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", $: "\\$" })[c] as string);
}

export function quote(text: string): string {
  return `"${escapeDoubleQuoted(text)}"`;
}

/**
 * Whether an indented string can carry the text exactly: it must end with a newline (the closing
 * quote's line is dropped), have no carriage returns, not end a line with a quote that would merge
 * with the closing `''`, and have a line without leading spaces (Nix strips the common indentation).
 */
function fitsIndentedString(text: string): boolean {
  if (!text.endsWith("\n") || text.includes("\r")) return false;
  const lines = text.slice(0, -1).split("\n");
  if (lines.some((line) => /^[ \t]*$/.test(line) && line !== "")) return false;
  return lines.some((line) => line.length > 0 && !line.startsWith(" ")) && !text.slice(0, -1).endsWith("'");
}

function escapeIndented(line: string): string {
  return line.replace(/''/g, "'''").replace(/\$\{/g, "''${");
}

function isSimple(expr: NixExpr): boolean {
  return expr.kind === "number" || expr.kind === "bool" || expr.kind === "null" || expr.kind === "ref" || (expr.kind === "string" && expr.parts.every((p) => typeof p === "string"));
}

function print(expr: NixExpr, indent: string): string {
  const inner = `${indent}  `;
  switch (expr.kind) {
    case "string":
      return `"${expr.parts.map((p) => (typeof p === "string" ? escapeDoubleQuoted(p) : `\${${print(p, indent)}}`)).join("")}"`;
    case "multiline": {
      if (!fitsIndentedString(expr.text)) return quote(expr.text);
      const lines = expr.text.slice(0, -1).split("\n").map((line) => (line === "" ? "" : `${inner}${escapeIndented(line)}`));
      return `''\n${lines.join("\n")}\n${indent}''`;
    }
    case "number":
      if (!Number.isFinite(expr.value)) throw new Error(`Nix has no number ${expr.value}`);
      return Number.isInteger(expr.value) ? String(expr.value) : String(expr.value);
    case "bool":
      return expr.value ? "true" : "false";
    case "null":
      return "null";
    case "ref":
      return expr.path.map((segment, i) => (i === 0 ? segment : attrName(segment))).join(".");
    case "list": {
      if (expr.items.length === 0) return "[ ]";
      if (expr.items.every(isSimple)) {
        const oneLine = `[ ${expr.items.map((i) => print(i, indent)).join(" ")} ]`;
        if (oneLine.length + indent.length <= 100) return oneLine;
      }
      return `[\n${expr.items.map((i) => `${inner}${parenthesized(i, inner)}`).join("\n")}\n${indent}]`;
    }
    case "attrs": {
      const open = expr.rec ? "rec {" : "{";
      if (expr.entries.length === 0) return `${open} }`;
      const body = expr.entries.map(([path, value]) => `${inner}${path.map(attrName).join(".")} = ${print(value, inner)};`);
      return `${open}\n${body.join("\n")}\n${indent}}`;
    }
    case "apply":
      return `${print(expr.fn, indent)} ${parenthesized(expr.arg, indent)}`;
    case "function":
      return `{ ${[...expr.params, "..."].join(", ")} }:\n${indent}${print(expr.body, indent)}`;
    case "let": {
      const bindings = expr.bindings.map(([name, value]) => `${inner}${attrName(name)} = ${print(value, inner)};`);
      return `let\n${bindings.join("\n")}\n${indent}in\n${indent}${print(expr.body, indent)}`;
    }
    case "comment":
      return `${expr.text.split("\n").map((line) => `# ${line}`.trimEnd()).join(`\n${indent}`)}\n${indent}${print(expr.expr, indent)}`;
  }
}

/** Applications and functions need parentheses where a single term is expected (list items, arguments). */
function parenthesized(expr: NixExpr, indent: string): string {
  const text = print(expr, indent);
  return expr.kind === "apply" || expr.kind === "function" || expr.kind === "let" ? `(${text})` : text;
}

/** A whole Nix file: the expression and a final newline. */
export function printNix(expr: NixExpr): string {
  return `${print(expr, "")}\n`;
}
