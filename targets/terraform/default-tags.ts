import type { Graph } from "../../compiler/graph.js";

/**
 * The tags every resource of the system carries: the author's, the system's name and the run id that
 * `noros test --sweep` finds leaked resources by. The provider's `default_tags` apply them to every
 * resource Terraform manages; what AWS creates on our behalf (volumes from a launch template,
 * instances of an auto scaling group) must be given them explicitly.
 */
export function systemTags(system: Graph["system"]): Record<string, string> {
  return { ...system.props.tags, "noros:system": system.name, "noros:run": "${var.noros_run}" };
}
