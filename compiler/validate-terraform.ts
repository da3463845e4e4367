import { positionOfPath } from "./check/positions.js";
import { diagnostic, type Diagnostic, type SourcePosition } from "./diagnostics/diagnostic.js";
import { nodeNamed as nodeNamedIn, type AnyNode, type Graph } from "./graph.js";
import { validateTerraform } from "../targets/terraform/schema/validate.js";
import type { TerraformOutput } from "../targets/terraform/lower.js";

/** The property path of a block inside a raw.terraform construct, from its address and a path inside it. */
function rawPath(address: string, inner: string): string[] {
  const parts = address.split(".");
  const head = parts[0] === "data" ? ["data", ...parts.slice(1)] : parts[0] === "output" ? parts : ["resource", ...parts];
  const innerParts = inner === "" ? [] : inner.replace(/\[(\d+)\]/g, ".$1").split(".").filter(Boolean);
  return [...head, ...innerParts];
}

const positionIn = (node: AnyNode, path: readonly string[]): SourcePosition => positionOfPath(node as never, path, node.pos);

/**
 * Checks the generated Terraform against the real provider schemas, offline, and refuses escape hatches
 * that redefine a generated block. A schema problem is noros's fault or an escape hatch's, so it points
 * at the construct (for an escape hatch, the very block) that produced it.
 */
export function validateAgainstProviders(terraform: TerraformOutput, graph: Graph, entry: string): Diagnostic[] {
  const nodeNamed = (name: string | undefined) => (name === undefined ? undefined : nodeNamedIn(graph, name));
  const fallback = graph.system.pos ?? { file: entry, line: 1, col: 1 };
  const conflicts = terraform.conflicts.map((c) => {
    const node = nodeNamed(c.origin);
    const owner = c.existing === "system" ? "the system itself" : `${nodeNamed(c.existing)?.kind ?? "construct"} "${c.existing}"`;
    return diagnostic(node ? positionIn(node, c.path) : fallback, "NOROS4002", `raw.terraform "${c.origin}" declares ${c.address}, which ${owner} already declares`, {
      hint: "escape hatches add blocks and never replace generated ones: rename the raw block, or change the construct instead",
    });
  });
  const problems = validateTerraform(terraform.document).map((p) => {
    const node = nodeNamed(terraform.origins.get(p.address));
    const where = `${p.address}${p.path ? `.${p.path}` : ""}: ${p.message}`;
    if (node?.kind === "raw-terraform") {
      return diagnostic(positionIn(node, rawPath(p.address, p.path)), "NOROS4001", `raw.terraform "${node.name}" does not match the provider schema: ${where}`);
    }
    return diagnostic(node?.pos ?? fallback, "NOROS4001", `generated Terraform does not match the provider schema: ${where}`);
  });
  return [...conflicts, ...problems];
}
