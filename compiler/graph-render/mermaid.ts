import type { GraphView } from "./view.js";

/** Mermaid labels are quoted; a quote inside is written as the entity Mermaid understands. */
function label(text: string): string {
  return `"${text.replace(/"/g, "#quot;").replace(/\n/g, " ")}"`;
}

/** Mermaid ids must be simple: index-based ids keep names with dots or slashes (CIDRs) safe. */
export function toMermaid(view: GraphView): string {
  const ids = new Map(view.nodes.map((n, i) => [n.id, `n${i}`]));
  const lines = ["flowchart LR"];
  for (const n of view.nodes) lines.push(`  ${ids.get(n.id)}[${label(n.label)}]`);
  for (const e of view.edges) {
    const arrow = e.style === "permission" ? "-.->" : e.style === "flow" ? "==>" : "-->";
    lines.push(`  ${ids.get(e.from)} ${arrow}|${label(e.label)}| ${ids.get(e.to)}`);
  }
  return `${lines.join("\n")}\n`;
}
