import type { CheckedNode, CheckedSystem } from "../check/check.js";
import { positionOfPath } from "../check/positions.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { AnyNode } from "../graph.js";

/**
 * What pipelines ask of the rest of the system: one GitHub OIDC provider per account, so one
 * `pipelines` per system; and an apply workflow needs remote state, or every run would start from an
 * empty state on a fresh runner and try to create everything again.
 */
export function pipelinesConsistency(nodes: readonly AnyNode[], byName: ReadonlyMap<string, CheckedNode>, system: CheckedSystem): Diagnostic[] {
  const out: Diagnostic[] = [];
  const all = nodes.filter((n): n is Extract<AnyNode, { kind: "pipelines" }> => n.kind === "pipelines");
  const at = (node: AnyNode, path: readonly string[]) => positionOfPath(byName.get(node.name) as never, [...path], node.pos);
  for (const extra of all.slice(1)) {
    out.push(diagnostic(extra.pos, "NOROS3120", `pipelines "${extra.name}": a system has one pipelines construct (it already has "${all[0]?.name}")`, { hint: "list every image in one pipelines(...)" }));
  }
  for (const node of all) {
    if (node.props.apply && !system.props.backend) {
      out.push(
        diagnostic(at(node, ["apply"]), "NOROS3121", `pipelines "${node.name}" applies the infrastructure from CI, but the system declares no backend: each run would start from an empty state`, {
          hint: 'declare the state bucket: system(name, { backend: { s3: { bucket: "my-tfstate", key: "shop/terraform.tfstate" } }, ... })',
        }),
      );
    }
  }
  return out;
}
