import type { GraphView } from "./view.js";

/** A DOT string literal: backslashes and quotes escaped, newlines as \n. */
export function dotString(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}

const shapes: Record<string, string> = { network: "tab", bucket: "cylinder", host: "box3d", topic: "cds", cidr: "plaintext" };

export function toDot(view: GraphView): string {
  const lines = [`digraph ${dotString(view.title)} {`, "  rankdir=LR;", '  node [fontname="Helvetica", shape=box, style=rounded];', '  edge [fontname="Helvetica", fontsize=10];'];
  for (const n of view.nodes) lines.push(`  ${dotString(n.id)} [label=${dotString(n.label)}, shape=${shapes[n.kind] ?? "box"}];`);
  for (const e of view.edges) {
    const style = e.style === "permission" ? "dashed" : e.style === "flow" ? "bold" : "solid";
    lines.push(`  ${dotString(e.from)} -> ${dotString(e.to)} [label=${dotString(e.label)}, style=${style}];`);
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}
