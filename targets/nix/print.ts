/**
 * The one place Nix text is made: `printNix` renders a document (ast.ts) in nixfmt's style (2-space
 * indentation, one binding per line, short lists and sets on one line) and escapes, quotes and
 * parenthesizes as Nix's own lexer and parser need. The escaping rules follow Nix's lexer (lexer.l)
 * and its indentation stripping (parser.y, stripIndentation), and are checked against
 * nix-instantiate by tests/nix-printer.test.ts.
 */
import type { NixBinding, NixExpr, NixParam, NixStringPart } from "./ast.js";

export interface PrintOptions {
  /**
   * Print an attribute whose value is a set with a single attribute as one path:
   * `services = { nginx = { enable = true; }; };` becomes `services.nginx.enable = true;`. Nix merges
   * both spellings into the same set; `rec` sets and `inherit` are never collapsed, because a path
   * cannot spell them.
   */
  readonly collapseAttrPaths?: boolean;
}

const MAX_WIDTH = 100;
const STEP = "  ";

const keywords = new Set(["if", "then", "else", "assert", "with", "let", "in", "rec", "inherit", "or"]);

function isIdentifier(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_'-]*$/.test(name) && !keywords.has(name);
}

/** A bare attribute name when Nix allows one, else a quoted string. */
export function attrName(name: string): string {
  return isIdentifier(name) ? name : quote(name);
}

/** A Nix `"..."` string holding exactly `text`. */
export function quote(text: string): string {
  return `"${escapeDoubleQuoted(text, "close")}"`;
}

/** A whole Nix file: the expression and a final newline. */
export function printNix(expr: NixExpr, options: PrintOptions = {}): string {
  return `${new Printer(options).print(expr, { indent: "", column: 0 })}\n`;
}

/** What follows a run of literal text inside a string; it decides how the text's last `$` or `'` is written. */
type Follower = "close" | "interpolation" | "newline";

// Nix strings are C strings underneath, and a lone surrogate has no UTF-8 encoding.
function assertRepresentable(text: string): void {
  if (text.includes("\0")) throw new Error(`Nix text cannot contain a NUL character: ${JSON.stringify(text)}`);
  if (/\p{Cs}/u.test(text)) throw new Error(`Nix text cannot contain a lone UTF-16 surrogate: ${JSON.stringify(text)}`);
}

const doubleQuotedEscapes: Readonly<Record<string, string>> = { "\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * The body of a "..." string. A `$` is escaped exactly when it would start an interpolation: before
 * `{`, or last in the text when an interpolation follows (`$${x}` is literal text to Nix, so the `$`
 * of "$" + ${x} must be `\$`). Carriage returns are escaped because Nix turns a raw one into `\n`.
 */
function escapeDoubleQuoted(text: string, follower: Follower): string {
  assertRepresentable(text);
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === "$") out += startsInterpolation(text, i, follower) ? "\\$" : "$";
    else out += doubleQuotedEscapes[c] ?? c;
  }
  return out;
}

function startsInterpolation(text: string, dollar: number, follower: Follower): boolean {
  return dollar + 1 === text.length ? follower === "interpolation" : text[dollar + 1] === "{";
}

/**
 * One line's text inside a `''...''` string. `''` is written `'''` and an interpolating `$` as `''$`.
 * A single `'` needs care when the next thing written starts with `'` (an escaped `${`, or the closing
 * `''`): Nix would read the three quotes as `'''`, so that quote is written `''\'`.
 */
function escapeIndented(text: string, follower: Follower): string {
  let out = "";
  for (let i = 0; i < text.length; ) {
    const c = text[i] as string;
    if (c === "'") {
      let run = 1;
      while (text[i + run] === "'") run++;
      out += "'''".repeat(Math.floor(run / 2));
      if (run % 2 === 1) out += writtenNextStartsWithQuote(text, i + run, follower) ? "''\\'" : "'";
      i += run;
    } else {
      out += c === "$" && startsInterpolation(text, i, follower) ? "''$" : c;
      i++;
    }
  }
  return out;
}

function writtenNextStartsWithQuote(text: string, next: number, follower: Follower): boolean {
  return next === text.length ? follower === "close" : text[next] === "$" && startsInterpolation(text, next, follower);
}

/** Adjacent literal parts joined, so escaping sees each `$` and `'` with what really follows it. */
function mergeText(parts: readonly NixStringPart[]): NixStringPart[] {
  const merged: NixStringPart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (typeof part === "string" && typeof last === "string") merged[merged.length - 1] = last + part;
    else if (part !== "") merged.push(part);
  }
  return merged;
}

type Line = NixStringPart[];

function splitLines(parts: readonly NixStringPart[]): Line[] {
  const lines: Line[] = [[]];
  for (const part of parts) {
    if (typeof part !== "string") {
      (lines[lines.length - 1] as Line).push(part);
      continue;
    }
    part.split("\n").forEach((piece, i) => {
      if (i > 0) lines.push([]);
      if (piece !== "") (lines[lines.length - 1] as Line).push(piece);
    });
  }
  return lines;
}

/**
 * Whether an indented string gives back exactly these lines. Nix strips the smallest indentation of
 * the non-blank lines, so one of them must start with something other than a space. Trailing spaces
 * and tabs (blank lines included) and carriage returns are refused although Nix would keep them:
 * editors, formatters and git strip or convert them, silently changing the string.
 */
function fitsIndentedString(lines: readonly Line[]): boolean {
  if (lines.length < 2) return false;
  const texts = lines.flat().filter((part): part is string => typeof part === "string");
  if (texts.some((text) => text.includes("\r"))) return false;
  const endsWithBlank = (line: Line): boolean => {
    const last = line[line.length - 1];
    return typeof last === "string" && /[ \t]$/.test(last);
  };
  if (lines.some(endsWithBlank)) return false;
  return lines.some((line) => line.length > 0 && !(typeof line[0] === "string" && line[0].startsWith(" ")));
}

/**
 * How tightly an expression binds, from Nix's grammar: a position accepts an expression of at least
 * its level, else the expression is parenthesized.
 */
const Level = { expression: 0, operation: 1, application: 2, selection: 3, simple: 4 } as const;
type Level = (typeof Level)[keyof typeof Level];

function levelOf(expr: NixExpr): Level {
  switch (expr.kind) {
    case "lambda":
    case "function":
    case "let":
    case "with":
      return Level.expression;
    case "comment":
      return levelOf(expr.expr);
    case "int":
    case "float":
      // `-1` is unary minus applied to 1; `[ 1 -1 ]` would be a subtraction.
      return expr.value < 0 ? Level.operation : Level.simple;
    case "apply":
      return Level.application;
    case "select":
      return Level.selection;
    default:
      return Level.simple;
  }
}

/**
 * Whether an expression can sit on one line inside a one-line list or set. An interpolated string
 * does not, so the interpolation stands on a line of its own where a reader sees it.
 */
function isFlat(expr: NixExpr): boolean {
  switch (expr.kind) {
    case "string":
      return expr.parts.every((part) => typeof part === "string");
    case "path":
    case "int":
    case "float":
    case "bool":
    case "null":
    case "var":
      return true;
    case "select":
      return isFlat(expr.expr) && (expr.or === undefined || isFlat(expr.or));
    case "apply":
      return isFlat(expr.fn) && isFlat(expr.arg);
    case "list":
      return expr.items.length === 0;
    case "attrs":
      return expr.bindings.length === 0;
    default:
      return false;
  }
}

/** Where an expression starts: the indentation of its line, and the column it is written at. */
interface At {
  readonly indent: string;
  readonly column: number;
}

function columnAfter(text: string, at: At): number {
  const lastBreak = text.lastIndexOf("\n");
  return lastBreak === -1 ? at.column + text.length : text.length - lastBreak - 1;
}

function printInt(value: bigint): string {
  // The lexer reads the digits as a positive int64, so -2^63 has no literal either.
  if (value >= 2n ** 63n || value <= -(2n ** 63n)) throw new Error(`Nix integers are 64-bit: ${value} does not fit`);
  return String(value);
}

function printFloat(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Nix has no float ${value}`);
  // Nix reads floats with strtod and rejects the subnormal range as out of range.
  if (value !== 0 && Math.abs(value) < 2.2250738585072014e-308) throw new Error(`Nix cannot read the subnormal float ${value}`);
  if (value === 0) return "0.0";
  // Nix's float literal needs a dot before any exponent: 3.0, 1.0e+21, 1.5e-7.
  const digits = String(Math.abs(value)).replace(/^(\d+)(?=e|$)/, "$1.0");
  return value < 0 ? `-${digits}` : digits;
}

const pathLiteral =
  /^(?:[A-Za-z0-9._+-]*(?:\/[A-Za-z0-9._+-]+)+|~(?:\/[A-Za-z0-9._+-]+)+|<[A-Za-z0-9._+-]+(?:\/[A-Za-z0-9._+-]+)*>)$/;

function printPath(path: string): string {
  if (!pathLiteral.test(path)) throw new Error(`"${path}" cannot be written as a Nix path literal (use a string)`);
  return path;
}

function requireIdentifier(name: string, what: string): string {
  if (!isIdentifier(name)) throw new Error(`${what} "${name}" is not a Nix identifier`);
  return name;
}

function commentLines(text: string, indent: string): string {
  assertRepresentable(text);
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => `${indent}# ${line}`.trimEnd())
    .join("\n");
}

/** An expression's leading comments, outermost first, and the expression under them. */
function unwrapComments(expr: NixExpr): { comments: string[]; expr: NixExpr } {
  const comments: string[] = [];
  let inner = expr;
  while (inner.kind === "comment") {
    comments.push(inner.text);
    inner = inner.expr;
  }
  return { comments, expr: inner };
}

class Printer {
  constructor(private readonly options: PrintOptions) {}

  print(expr: NixExpr, at: At): string {
    switch (expr.kind) {
      case "string":
        return this.doubleQuoted(expr.parts, at);
      case "multiline":
        return this.multiline(expr.parts, at);
      case "path":
        return printPath(expr.path);
      case "int":
        return printInt(expr.value);
      case "float":
        return printFloat(expr.value);
      case "bool":
        return expr.value ? "true" : "false";
      case "null":
        return "null";
      case "var":
        return requireIdentifier(expr.name, "variable");
      case "select":
        return this.select(expr.expr, expr.path, expr.or, at);
      case "attrs":
        return this.attrs(expr.bindings, expr.rec, at);
      case "list":
        return this.list(expr.items, at);
      case "lambda": {
        const head = `${requireIdentifier(expr.param, "parameter")}: `;
        return head + this.print(expr.body, { indent: at.indent, column: at.column + head.length });
      }
      case "function":
        return this.function(expr.params, expr.ellipsis, expr.body, at);
      case "apply": {
        const fn = this.at(Level.application, expr.fn, at);
        return `${fn} ${this.at(Level.selection, expr.arg, { indent: at.indent, column: columnAfter(fn, at) + 1 })}`;
      }
      case "let": {
        const bindings = this.bindings(expr.bindings, at.indent + STEP);
        return `let\n${bindings}\n${at.indent}in\n${at.indent}${this.print(expr.body, { indent: at.indent, column: at.indent.length })}`;
      }
      case "with": {
        const scope = this.print(expr.scope, { indent: at.indent, column: at.column + 5 });
        const head = `with ${scope}; `;
        return head + this.print(expr.body, { indent: at.indent, column: columnAfter(head, at) });
      }
      case "comment":
        return `${commentLines(expr.text, at.indent).slice(at.indent.length)}\n${at.indent}${this.print(expr.expr, { indent: at.indent, column: at.indent.length })}`;
    }
  }

  /** The expression, parenthesized when it binds less tightly than the position needs. */
  private at(level: Level, expr: NixExpr, at: At): string {
    if (levelOf(expr) >= level) return this.print(expr, at);
    return `(${this.print(expr, { indent: at.indent, column: at.column + 1 })})`;
  }

  private interpolation(expr: NixExpr, at: At): string {
    return `\${${this.print(expr, { indent: at.indent, column: at.column + 2 })}}`;
  }

  private doubleQuoted(parts: readonly NixStringPart[], at: At): string {
    const merged = mergeText(parts);
    const body = merged.map((part, i) => (typeof part === "string" ? escapeDoubleQuoted(part, i + 1 < merged.length ? "interpolation" : "close") : this.interpolation(part, at)));
    return `"${body.join("")}"`;
  }

  private multiline(parts: readonly NixStringPart[], at: At): string {
    const merged = mergeText(parts);
    const lines = splitLines(merged);
    if (!fitsIndentedString(lines)) return this.doubleQuoted(merged, at);
    for (const part of merged) if (typeof part === "string") assertRepresentable(part);
    const inner = at.indent + STEP;
    const printed = lines.map((line, row) => {
      if (line.length === 0) return "";
      const lastRow = row === lines.length - 1;
      const segments = line.map((segment, i) => {
        if (typeof segment !== "string") return this.interpolation(segment, { indent: inner, column: inner.length });
        return escapeIndented(segment, i + 1 < line.length ? "interpolation" : lastRow ? "close" : "newline");
      });
      return inner + segments.join("");
    });
    // An empty last line means the text ends with a newline: the closing quotes go on their own line.
    const closing = lines[lines.length - 1]?.length === 0 ? at.indent : "";
    return `''\n${printed.join("\n")}${closing}''`;
  }

  private select(base: NixExpr, path: readonly string[], or: NixExpr | undefined, at: At): string {
    if (path.length === 0) throw new Error("a Nix selection needs at least one attribute name");
    // A path, number or nested selection would swallow the dot (`./a.nix.x` is one path).
    const bare = base.kind === "var" || base.kind === "attrs" || base.kind === "list" || base.kind === "string";
    const head = bare ? this.print(base, at) : `(${this.print(base, { indent: at.indent, column: at.column + 1 })})`;
    const selected = `${head}.${path.map(attrName).join(".")}`;
    if (or === undefined) return selected;
    return `${selected} or ${this.at(Level.selection, or, { indent: at.indent, column: columnAfter(selected, at) + 4 })}`;
  }

  private list(items: readonly NixExpr[], at: At): string {
    if (items.length === 0) return "[ ]";
    if (items.every(isFlat)) {
      const oneLine = `[ ${items.map((item) => this.at(Level.selection, item, at)).join(" ")} ]`;
      if (at.column + oneLine.length <= MAX_WIDTH) return oneLine;
    }
    const inner = at.indent + STEP;
    const lines = items.map((item) => {
      const { comments, expr } = unwrapComments(item);
      const printed = `${inner}${this.at(Level.selection, expr, { indent: inner, column: inner.length })}`;
      return [...comments.map((c) => commentLines(c, inner)), printed].join("\n");
    });
    return `[\n${lines.join("\n")}\n${at.indent}]`;
  }

  private attrs(bindings: readonly NixBinding[], rec: boolean, at: At): string {
    const open = rec ? "rec {" : "{";
    if (bindings.length === 0) return `${open} }`;
    const collapsed = this.options.collapseAttrPaths ? bindings.map(collapse) : bindings;
    const only = collapsed.length === 1 ? collapsed[0] : undefined;
    if (only !== undefined && isFlatBinding(only)) {
      const oneLine = `${open} ${this.binding(only, { indent: at.indent, column: at.column + open.length + 1 })} }`;
      if (at.column + oneLine.length <= MAX_WIDTH) return oneLine;
    }
    return `${open}\n${this.bindings(collapsed, at.indent + STEP)}\n${at.indent}}`;
  }

  /** Bindings one per line, each after its comments. */
  private bindings(bindings: readonly NixBinding[], indent: string): string {
    const at = { indent, column: indent.length };
    return bindings
      .map((binding) => {
        if (binding.kind === "inherit") return `${indent}${this.binding(binding, at)}`;
        const { comments, expr } = unwrapComments(binding.value);
        return [...comments.map((c) => commentLines(c, indent)), `${indent}${this.binding({ ...binding, value: expr }, at)}`].join("\n");
      })
      .join("\n");
  }

  private binding(binding: NixBinding, at: At): string {
    if (binding.kind === "inherit") {
      const from = binding.from === undefined ? "" : ` (${this.print(binding.from, { indent: at.indent, column: at.column + 9 })})`;
      return `inherit${from}${binding.names.map((name) => ` ${attrName(name)}`).join("")};`;
    }
    if (binding.path.length === 0) throw new Error("a Nix attribute needs at least one name");
    const head = `${binding.path.map(attrName).join(".")} =`;
    const { value } = binding;
    // nixfmt's layout for a multi-line let or function as a value: on its own lines, one step in.
    if (value.kind === "let" || (value.kind === "function" && !isFlat(value.body))) {
      const inner = at.indent + STEP;
      return `${head}\n${inner}${this.print(value, { indent: inner, column: inner.length })};`;
    }
    return `${head} ${this.print(value, { indent: at.indent, column: at.column + head.length + 1 })};`;
  }

  private function(params: readonly NixParam[], ellipsis: boolean, body: NixExpr, at: At): string {
    const formals = params.map((param) => {
      const name = requireIdentifier(param.name, "parameter");
      return param.default === undefined ? name : `${name} ? ${this.at(Level.operation, param.default, { indent: at.indent + STEP, column: at.indent.length + STEP.length + name.length + 3 })}`;
    });
    const all = ellipsis ? [...formals, "..."] : formals;
    const oneLine = all.length === 0 ? "{ }:" : `{ ${all.join(", ")} }:`;
    // One per line, each with a comma except `...`, which Nix does not allow one after.
    const head =
      at.column + oneLine.length <= MAX_WIDTH && !oneLine.includes("\n")
        ? oneLine
        : `{\n${[...formals.map((f) => `${f},`), ...(ellipsis ? ["..."] : [])].map((f) => `${at.indent}${STEP}${f}`).join("\n")}\n${at.indent}}:`;
    if (isFlat(body)) return `${head} ${this.print(body, { indent: at.indent, column: columnAfter(head, at) + 1 })}`;
    return `${head}\n${at.indent}${this.print(body, { indent: at.indent, column: at.indent.length })}`;
  }
}

function isFlatBinding(binding: NixBinding): boolean {
  return binding.kind === "inherit" ? binding.from === undefined || isFlat(binding.from) : isFlat(binding.value);
}

/**
 * `a = { b = x; };` as `a.b = x;`, repeatedly. Comments on the way move above the collapsed binding,
 * outermost first, since they all describe it.
 */
function collapse(binding: NixBinding): NixBinding {
  if (binding.kind !== "attr") return binding;
  const comments: string[] = [];
  let path = binding.path;
  let value = binding.value;
  for (;;) {
    const unwrapped = unwrapComments(value);
    const inner = unwrapped.expr.kind === "attrs" && !unwrapped.expr.rec && unwrapped.expr.bindings.length === 1 ? unwrapped.expr.bindings[0] : undefined;
    if (inner?.kind !== "attr") break;
    comments.push(...unwrapped.comments);
    path = [...path, ...inner.path];
    value = inner.value;
  }
  const commented = [...comments].reverse().reduce<NixExpr>((expr, text) => ({ kind: "comment", text, expr }), value);
  return { kind: "attr", path, value: commented };
}
