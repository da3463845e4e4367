import path from "node:path";
import { handlerExtensions } from "../../dsl/schemas/function.js";
import { diagnostic, type Diagnostic, type SourcePosition } from "../diagnostics/diagnostic.js";
import { nodesOf, type FunctionSource, type Graph, type GraphNode } from "../graph.js";
import { readSourceTree } from "./source-tree.js";

/**
 * Lambda takes a zip of at most 50 MB uploaded directly; bounding the files read keeps the package
 * (which is never bigger than its files) inside that, with room to spare for the zip's own headers.
 */
export const MAX_FUNCTION_FILES = 5000;
export const MAX_FUNCTION_BYTES = 48 * 2 ** 20;

export interface FunctionSourcesResult {
  readonly sources: ReadonlyMap<string, FunctionSource>;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Reads each function's source directory (relative to the file that declares it), so that the
 * terraform target can zip it without doing I/O. Problems are diagnostics at the function's `source`
 * (or `handler`): a missing, empty or oversized directory, a symbolic link, no module for the handler.
 */
export function readFunctionSources(graph: Graph, positionOf: (node: GraphNode<"function">, property: string) => SourcePosition): FunctionSourcesResult {
  const sources = new Map<string, FunctionSource>();
  const diagnostics: Diagnostic[] = [];
  for (const node of nodesOf(graph, "function")) {
    const at = positionOf(node, "source");
    const problem = (message: string, hint?: string) => diagnostics.push(diagnostic(at, "NOROS3050", `function "${node.name}": ${message}`, { hint }));
    const dir = path.resolve(path.dirname(node.pos.file), node.props.source);
    const tree = readSourceTree(dir, node.props.source, { maxFiles: MAX_FUNCTION_FILES, maxBytes: MAX_FUNCTION_BYTES, copiedInto: "the package" });
    for (const p of tree.problems) problem(p.message, p.hint);
    if (!tree.ok) {
      if (tree.reason === "too-large") {
        diagnostics.push(
          diagnostic(at, "NOROS3051", `function "${node.name}": ${tree.detail}, more than a Lambda package may`, {
            hint: `at most ${MAX_FUNCTION_FILES} files and ${MAX_FUNCTION_BYTES / 2 ** 20} MiB: the runtime ships the AWS SDK, so leave it (and node_modules) out`,
          }),
        );
      } else {
        problem(tree.detail, tree.reason === "missing" ? "the path is relative to the file that declares the function" : undefined);
      }
      continue;
    }
    // "src/index.handler": the module is everything before the last dot.
    const module = node.props.handler.slice(0, node.props.handler.lastIndexOf("."));
    const candidates = handlerExtensions[node.props.runtime].map((extension) => `${module}${extension}`);
    if (!tree.files.some((f) => candidates.includes(f.path))) {
      diagnostics.push(
        diagnostic(positionOf(node, "handler"), "NOROS3052", `function "${node.name}": handler ${node.props.handler} needs ${candidates.join(" or ")} in ${node.props.source}, which has none`, {
          hint: `the handler is "<module>.<export>", the module's path inside the source without its extension`,
        }),
      );
      continue;
    }
    sources.set(node.name, { function: node.name, dir, files: tree.files });
  }
  return { sources, diagnostics };
}
