import { source, type Expr } from "./ast.js";
import { formatExpression } from "./expression-format.js";
import { scanTemplate, soleInterpolation } from "./template.js";

/** Escapes literal template text for an HCL quoted string; `$${` and `%%{` pass through unchanged. */
export function escapeLiteral(text: string): string {
  let out = "";
  for (const c of text) {
    const code = c.codePointAt(0) as number;
    if (c === "\\") out += "\\\\";
    else if (c === '"') out += '\\"';
    else if (c === "\n") out += "\\n";
    else if (c === "\r") out += "\\r";
    else if (c === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += c;
  }
  return out;
}

/** A Terraform JSON template as an HCL quoted template: literal parts escaped, code parts verbatim. */
export function quoted(template: string): string {
  const parts = scanTemplate(template) ?? [{ kind: "literal" as const, text: template }];
  return `"${parts.map((p) => (p.kind === "literal" ? escapeLiteral(p.text) : p.text)).join("")}"`;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** Words that are not read as a plain name at the start of an object key (`{for ...` starts a for expression). */
const RESERVED = new Set(["true", "false", "null", "for", "in", "if", "else", "endif", "endfor"]);

export const isIdentifier = (name: string): boolean => IDENTIFIER.test(name) && !RESERVED.has(name);

/** An object key: bare when it is a plain name, quoted otherwise (`"noros:system"`). */
export function objectKey(key: string): string {
  return isIdentifier(key) ? key : formatExpression(quoted(key));
}

const MARKERS = ["EOT", "EOF", "END", "TEXT", "DOC"];

/**
 * A multi-line string as an indented heredoc (`<<-EOT`), if it can be one without changing its value:
 * a heredoc always ends with a newline, `<<-` removes the smallest indentation of its non-blank lines
 * (so one of them must start in column 0, and tabs or whitespace-only lines would be ambiguous), and no
 * code part may span lines (the printer indents every line).
 */
export function heredoc(template: string): Expr | undefined {
  if (!template.endsWith("\n") || template.indexOf("\n") === template.length - 1 || template.includes("\r")) return undefined;
  const parts = scanTemplate(template);
  if (!parts || parts.some((p) => p.kind !== "literal" && p.text.includes("\n"))) return undefined;
  // Interpolations are spaced as terraform fmt spaces them; the literal text stays as it is.
  const formatted = parts.map((p) => (p.kind === "literal" ? p.text : formatExpression(`"${p.text}"`).slice(1, -1))).join("");
  const lines = formatted.slice(0, -1).split("\n");
  if (lines.some((l) => /^\t/.test(l) || (l !== "" && l.trim() === "") || /[ \t]$/.test(l))) return undefined;
  if (!lines.some((l) => l !== "" && !/^\s/.test(l))) return undefined;
  const marker = MARKERS.find((m) => !lines.some((l) => l.trim() === m));
  if (marker === undefined) return undefined;
  return { kind: "heredoc", marker, lines, quoted: quoted(template) };
}

/** A Terraform JSON string as idiomatic HCL: a bare expression, a heredoc, or a quoted template. */
export function stringExpression(template: string): Expr {
  const bare = soleInterpolation(template);
  if (bare !== undefined && !bare.includes("\n")) return source(formatExpression(bare));
  return heredoc(template) ?? source(formatExpression(quoted(template)));
}
