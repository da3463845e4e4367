import { positionOfPath } from "../check/positions.js";
import type { CheckedNode } from "../check/check.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { GraphNode } from "../graph.js";

/**
 * What a host's NixOS settings ask of each other: Consul and Nomad agree on the EC2 tag they join by
 * (one tag key, one value), and modules or a baked image need NixOS.
 */
export function moduleConsistency(host: GraphNode<"host"> | GraphNode<"host-group">, checked: CheckedNode): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (host.props.os !== "nixos") {
    for (const property of ["modules", "bake"] as const) {
      const used = property === "modules" ? host.props.modules.length > 0 : "bake" in host.props && host.props.bake;
      if (!used) continue;
      out.push(
        diagnostic(positionOfPath(checked as never, [property], host.pos), "NOROS3112", `${host.kind} "${host.name}" runs its own AMI, so noros writes no NixOS configuration for its ${property === "modules" ? "modules" : "baked image"}`, {
          hint: "leave os at its default (NixOS), or configure the AMI yourself",
        }),
      );
    }
  }
  const first = new Map<string, { value: string; module: string }>();
  host.props.modules.forEach((m, index) => {
    if (m.module !== "consul" && m.module !== "nomad") return;
    const { tagKey, tagValue } = m.options.join;
    const own = host.props.tags[tagKey];
    if (own !== undefined && own !== tagValue) {
      out.push(
        diagnostic(positionOfPath(checked as never, ["tags", tagKey], host.pos), "NOROS3111", `${host.kind} "${host.name}": its tag ${tagKey}=${own} is the tag ${m.module} joins by, with ${tagKey}=${tagValue}: an instance has one value per tag`, {
          hint: "drop the tag (the module sets it) or join by another key",
        }),
      );
    }
    const earlier = first.get(tagKey);
    if (earlier === undefined) {
      first.set(tagKey, { value: tagValue, module: m.module });
      return;
    }
    if (earlier.value === tagValue) return;
    out.push(
      diagnostic(positionOfPath(checked as never, ["modules", String(index), "options", "join", "tagValue"], host.pos), "NOROS3111", `${host.kind} "${host.name}": ${m.module} joins by tag ${tagKey}=${tagValue}, but ${earlier.module} by ${tagKey}=${earlier.value}: an instance has one value per tag`, {
        hint: "give both the cluster's one name",
      }),
    );
  });
  return out;
}
