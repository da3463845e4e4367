/**
 * Terraform JSON strings are templates: literal text with `${...}` interpolations and `%{...}`
 * directives, where `$${` and `%%{` stand for the literal characters. The template syntax is the same in
 * HCL; only the string escaping around it differs. So a JSON string is split into its parts once, and
 * the HCL printer re-escapes the literal parts and copies the code parts verbatim.
 */
export type TemplatePart =
  | { readonly kind: "literal"; readonly text: string }
  /** `${...}` or `%{...}`, written exactly as in the source (markers included). */
  | { readonly kind: "interpolation" | "directive"; readonly text: string };

/** The parts of a template, or undefined if a `${` or `%{` is never closed (not valid Terraform). */
export function scanTemplate(source: string): TemplatePart[] | undefined {
  const parts: TemplatePart[] = [];
  let literal = "";
  let i = 0;
  while (i < source.length) {
    if (source.startsWith("$${", i) || source.startsWith("%%{", i)) {
      literal += source.slice(i, i + 3);
      i += 3;
      continue;
    }
    if (source.startsWith("${", i) || source.startsWith("%{", i)) {
      const end = closingBrace(source, i + 2);
      if (end < 0) return undefined;
      if (literal !== "") parts.push({ kind: "literal", text: literal });
      literal = "";
      parts.push({ kind: source[i] === "$" ? "interpolation" : "directive", text: source.slice(i, end) });
      i = end;
      continue;
    }
    literal += source[i];
    i++;
  }
  if (literal !== "") parts.push({ kind: "literal", text: literal });
  return parts;
}

/**
 * The expression a template consists of when it is one interpolation and nothing else: Terraform then
 * yields the expression's own value (not a string), exactly what the bare expression means in HCL.
 * Strip markers (`${~ x ~}`) trim surrounding literal text, so such a template keeps its quotes.
 */
export function soleInterpolation(source: string): string | undefined {
  const parts = scanTemplate(source);
  if (parts?.length !== 1 || parts[0]?.kind !== "interpolation") return undefined;
  const inner = parts[0].text.slice(2, -1);
  if (inner.startsWith("~") || inner.endsWith("~") || inner.trim() === "") return undefined;
  return inner.trim();
}

/** Index just after the `}` that closes the code starting at `start`, or -1. */
function closingBrace(source: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < source.length) {
    const c = source[i] as string;
    if (c === '"') {
      i = endOfQuoted(source, i + 1);
      if (i < 0) return -1;
      continue;
    }
    if (c === "{" || c === "(" || c === "[") depth++;
    else if (c === "}" || c === ")" || c === "]") {
      if (depth === 0) return c === "}" ? i + 1 : -1;
      depth--;
    }
    i++;
  }
  return -1;
}

/** Index just after the `"` closing a quoted template inside an expression (which may nest templates). */
function endOfQuoted(source: string, start: number): number {
  let i = start;
  while (i < source.length) {
    if (source[i] === "\\") i += 2;
    else if (source[i] === '"') return i + 1;
    else if (source.startsWith("$${", i) || source.startsWith("%%{", i)) i += 3;
    else if (source.startsWith("${", i) || source.startsWith("%{", i)) {
      i = closingBrace(source, i + 2);
      if (i < 0) return -1;
    } else i++;
  }
  return -1;
}
