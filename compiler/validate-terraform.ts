import { diagnostic, type Diagnostic } from "./diagnostics/diagnostic.js";
import type { Graph } from "./graph.js";
import { validateTerraform } from "../targets/terraform/schema/validate.js";
import type { TerraformOutput } from "../targets/terraform/lower.js";

/**
 * Checks the generated Terraform against the real provider schemas, offline. A problem here is noros's
 * fault or an escape hatch's, so it points at the construct that produced the block.
 */
export function validateAgainstProviders(terraform: TerraformOutput, graph: Graph, entry: string): Diagnostic[] {
  const problems = validateTerraform(terraform.document);
  return problems.map((p) => {
    const origin = terraform.origins.get(p.address);
    const node = origin === undefined ? undefined : graph.nodes.find((n) => n.name === origin);
    const at = node?.pos ?? graph.system.pos ?? { file: entry, line: 1, col: 1 };
    return diagnostic(at, "NOROS4001", `generated Terraform does not match the provider schema: ${p.address}${p.path ? `.${p.path}` : ""}: ${p.message}`);
  });
}
