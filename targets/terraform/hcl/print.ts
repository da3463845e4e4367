import type { Expr, Item } from "./ast.js";
import { quoted } from "./strings.js";

const INDENT = "  ";
/** Tuples of plain values stay on one line up to this width, as people write them. */
const INLINE_TUPLE_WIDTH = 80;

export const isOneLine = (expr: Expr): boolean => inline(expr) !== undefined;

/** The expression on one line, if it is written on one line. */
function inline(expr: Expr): string | undefined {
  switch (expr.kind) {
    case "source":
      return expr.text;
    case "heredoc":
      return undefined;
    case "object":
      return expr.entries.length === 0 ? "{}" : undefined;
    case "tuple": {
      if (expr.items.length === 0) return "[]";
      if (expr.items.some((i) => i.kind !== "source")) return undefined;
      const text = `[${expr.items.map((i) => inline(i)).join(", ")}]`;
      return text.length <= INLINE_TUPLE_WIDTH ? text : undefined;
    }
  }
}

/**
 * The lines of an expression whose first line follows `name = ` at indentation `depth`; the other
 * lines carry their own indentation.
 */
function valueLines(expr: Expr, depth: number): string[] {
  const one = inline(expr);
  if (one !== undefined) return [one];
  const pad = INDENT.repeat(depth);
  switch (expr.kind) {
    case "heredoc":
      return [`<<-${expr.marker}`, ...expr.lines.map((l) => (l === "" ? "" : `${pad}${INDENT}${l}`)), `${pad}${expr.marker}`];
    case "tuple":
      return [
        "[",
        ...expr.items.flatMap((item) => {
          // A heredoc's closing marker must end its line, where the list wants a comma.
          const lines = item.kind === "heredoc" ? [item.quoted] : valueLines(item, depth + 1);
          lines[0] = `${pad}${INDENT}${lines[0]}`;
          lines[lines.length - 1] += ",";
          return lines;
        }),
        `${pad}]`,
      ];
    case "object":
      return ["{", ...rows(expr.entries.map((e) => ({ kind: "attribute", name: e.key, value: e.value })), depth + 1), `${pad}}`];
    default:
      throw new Error("internal: unreachable");
  }
}

/**
 * `terraform fmt` aligns the `=` of consecutive one-line assignments (a heredoc's first line counts as
 * one, and its closing marker does not end the run); a blank line, a block or a value that opens a
 * bracket on its line ends the run. Alignment pads the name to the longest name of the run.
 */
const aligned = (item: Item): boolean => item.kind === "attribute" && (item.value.kind === "heredoc" || inline(item.value) !== undefined);

function rows(items: readonly Item[], depth: number): string[] {
  const pad = INDENT.repeat(depth);
  const out: string[] = [];
  let i = 0;
  while (i < items.length) {
    const item = items[i] as Item;
    if (aligned(item)) {
      let end = i;
      while (end < items.length && aligned(items[end] as Item)) end++;
      const run = items.slice(i, end) as Array<Extract<Item, { kind: "attribute" }>>;
      const width = Math.max(...run.map((a) => a.name.length));
      for (const a of run) {
        const lines = valueLines(a.value, depth);
        out.push(`${pad}${a.name.padEnd(width)} = ${lines[0]}`, ...lines.slice(1));
      }
      i = end;
      continue;
    }
    switch (item.kind) {
      case "attribute": {
        const lines = valueLines(item.value, depth);
        out.push(`${pad}${item.name} = ${lines[0]}`, ...lines.slice(1));
        break;
      }
      case "block": {
        const header = [item.type, ...item.labels.map((l) => quoted(l))].join(" ");
        if (item.body.length === 0) out.push(`${pad}${header} {}`);
        else out.push(`${pad}${header} {`, ...rows(item.body, depth + 1), `${pad}}`);
        break;
      }
      case "blank":
        out.push("");
        break;
      case "comment":
        out.push(`${pad}# ${item.text}`);
        break;
    }
    i++;
  }
  return out;
}

/** A whole file: top-level items, formatted as `terraform fmt` leaves them. */
export function printHcl(items: readonly Item[]): string {
  for (const item of items) checkNames(item);
  return `${rows(items, 0).join("\n")}\n`;
}

/** Body attribute names are bare identifiers in HCL (keywords included); anything else is a bug upstream. */
function checkNames(item: Item): void {
  if (item.kind === "attribute" && !/^[A-Za-z_][A-Za-z0-9_-]*$/.test(item.name)) {
    throw new Error(`internal: "${item.name}" cannot be an HCL attribute name`);
  }
  if (item.kind === "block") item.body.forEach(checkNames);
}
