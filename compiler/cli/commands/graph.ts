import { writeFileSync } from "node:fs";
import path from "node:path";
import { compile } from "../../compile.js";
import { toDot } from "../../graph-render/dot.js";
import { toMermaid } from "../../graph-render/mermaid.js";
import { dotToSvg } from "../../graph-render/svg.js";
import { graphView } from "../../graph-render/view.js";
import { EXIT_OK } from "../exit-codes.js";
import type { Io } from "../output.js";

export const graphFormats = ["mermaid", "dot", "svg"] as const;

export async function runGraph(file: string | undefined, options: { format: string; output?: string }, io: Io): Promise<number> {
  if (!(graphFormats as readonly string[]).includes(options.format)) {
    throw new Error(`unknown format "${options.format}": choose from ${graphFormats.join(", ")}`);
  }
  const view = graphView(compile({ file, cwd: io.cwd, targets: [] }).graph);
  const text = options.format === "mermaid" ? toMermaid(view) : options.format === "dot" ? toDot(view) : await dotToSvg(toDot(view));
  if (options.output) writeFileSync(path.resolve(io.cwd, options.output), text);
  else io.stdout(text);
  return EXIT_OK;
}
