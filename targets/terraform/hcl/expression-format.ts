/**
 * Whitespace inside expressions as `terraform fmt` writes it: JSON-form Terraform strings may hold
 * `${a+b}` or `${ var.x }`, which fmt rewrites to `a + b` and `${var.x}`. The expression is split into
 * HCL tokens and joined again with the spacing rules of hclwrite (format.go, `spaceAfterToken`); tokens
 * themselves never change. Expressions this scanner does not cover (comments, heredocs, strip markers,
 * several lines) are kept as written.
 */
type TokenType =
  | "ident" | "number" | "oquote" | "cquote" | "quotedlit" | "interp" | "control" | "seqend"
  | "obrace" | "cbrace" | "obrack" | "cbrack" | "oparen" | "cparen"
  | "dot" | "comma" | "colon" | "question" | "equal" | "plus" | "minus" | "star" | "slash" | "percent" | "bang"
  | "eqop" | "noteq" | "lt" | "lte" | "gt" | "gte" | "and" | "or" | "fatarrow" | "ellipsis" | "dcolon" | "nil";

interface Token {
  readonly type: TokenType;
  readonly text: string;
}

const operators: ReadonlyArray<[string, TokenType]> = [
  ["...", "ellipsis"], ["==", "eqop"], ["!=", "noteq"], ["<=", "lte"], [">=", "gte"], ["&&", "and"], ["||", "or"], ["=>", "fatarrow"], ["::", "dcolon"],
  ["[", "obrack"], ["]", "cbrack"], ["(", "oparen"], [")", "cparen"], [".", "dot"], [",", "comma"], [":", "colon"], ["?", "question"], ["=", "equal"],
  ["+", "plus"], ["-", "minus"], ["*", "star"], ["/", "slash"], ["%", "percent"], ["!", "bang"], ["<", "lt"], [">", "gt"],
];

const IDENT = /^[\p{ID_Start}_][\p{ID_Continue}-]*/u;
const NUMBER = /^[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/;

function tokenize(source: string): Token[] | undefined {
  const out: Token[] = [];
  // What an unmatched "}" closes, and whether we are inside a quoted template.
  const stack: Array<"brace" | "interp" | "template"> = [];
  let i = 0;
  while (i < source.length) {
    if (stack[stack.length - 1] === "template") {
      let literal = "";
      while (i < source.length) {
        if (source[i] === "\\") {
          literal += source.slice(i, i + 2);
          i += 2;
        } else if (source.startsWith("$${", i) || source.startsWith("%%{", i)) {
          literal += source.slice(i, i + 3);
          i += 3;
        } else if (source.startsWith("${", i) || source.startsWith("%{", i) || source[i] === '"') break;
        else literal += source[i++];
      }
      if (literal !== "") out.push({ type: "quotedlit", text: literal });
      if (i >= source.length) return undefined;
      if (source[i] === '"') {
        out.push({ type: "cquote", text: '"' });
        stack.pop();
        i++;
        continue;
      }
      out.push({ type: source[i] === "$" ? "interp" : "control", text: source.slice(i, i + 2) });
      i += 2;
      if (source[i] === "~") return undefined;
      stack.push("interp");
      continue;
    }
    const c = source[i] as string;
    if (c === " " || c === "\t") {
      i++;
      continue;
    }
    if (c === '"') {
      out.push({ type: "oquote", text: c });
      stack.push("template");
      i++;
      continue;
    }
    if (c === "{") {
      out.push({ type: "obrace", text: c });
      stack.push("brace");
      i++;
      continue;
    }
    if (c === "}") {
      const closes = stack.pop();
      if (closes === undefined || closes === "template") return undefined;
      if (source[i - 1] === "~") return undefined;
      out.push({ type: closes === "brace" ? "cbrace" : "seqend", text: c });
      i++;
      continue;
    }
    const rest = source.slice(i);
    const word = IDENT.exec(rest)?.[0] ?? NUMBER.exec(rest)?.[0];
    if (word !== undefined) {
      out.push({ type: /^[0-9]/.test(word) ? "number" : "ident", text: word });
      i += word.length;
      continue;
    }
    if (rest.startsWith("//") || rest.startsWith("/*") || rest.startsWith("<<")) return undefined;
    const operator = operators.find(([text]) => rest.startsWith(text));
    if (!operator) return undefined; // newlines, comments, strip markers: keep the expression as written
    out.push({ type: operator[1], text: operator[0] });
    i += operator[0].length;
  }
  return stack.length === 0 ? out : undefined;
}

const bracketChange = (t: Token): number =>
  t.type === "obrace" || t.type === "obrack" || t.type === "oparen" || t.type === "control" || t.type === "interp" ? 1
    : t.type === "cbrace" || t.type === "cbrack" || t.type === "cparen" || t.type === "seqend" ? -1 : 0;

const negationBefore = new Set<TokenType>(["nil", "oparen", "obrace", "obrack", "equal", "colon", "comma", "question", "plus", "star", "slash", "percent", "minus", "eqop", "noteq", "gt", "gte", "lt", "lte", "and", "or", "bang"]);

/** hclwrite's `spaceAfterToken`, rule for rule and in the same order. */
function spaceAfter(subject: Token, before: Token, after: Token): boolean {
  const s = subject.type;
  const a = after.type;
  if (a === "nil") return false;
  if (s === "ident" && a === "oparen") return false;
  if ((s === "ident" && a === "dcolon") || (s === "dcolon" && a === "ident")) return false;
  if (s === "dot" || a === "dot") return false;
  if (a === "comma" || a === "ellipsis") return false;
  if (s === "comma") return true;
  if (s === "quotedlit" || s === "oquote" || a === "quotedlit" || a === "cquote") return false;
  if (s === "ident" && subject.text === "in" && before.type === "ident") return true;
  if (a === "obrack" && (s === "ident" || s === "number" || bracketChange(subject) < 0)) return false;
  if (s === "bang") return false;
  if (s === "minus") return !negationBefore.has(before.type);
  if (s === "obrace" || a === "cbrace") return !(s === "obrace" && a === "cbrace");
  if ((s === "interp" || s === "control") && a === "obrace") return true;
  if (s === "cbrace" && a === "seqend") return true;
  if (s === "seqend" && (a === "interp" || a === "control")) return false;
  if (bracketChange(subject) > 0) return false;
  if (bracketChange(after) < 0) return false;
  return true;
}

const NIL: Token = { type: "nil", text: "" };

/** The expression (or quoted template) spaced as terraform fmt spaces it, or unchanged if it is beyond this scanner. */
export function formatExpression(source: string): string {
  const tokens = tokenize(source);
  if (!tokens || tokens.length === 0) return source;
  let out = (tokens[0] as Token).text;
  for (let k = 0; k < tokens.length - 1; k++) {
    const next = tokens[k + 1] as Token;
    out += `${spaceAfter(tokens[k] as Token, tokens[k - 1] ?? NIL, next) ? " " : ""}${next.text}`;
  }
  return out;
}
