import type { CheckedNode } from "../check/check.js";
import { positionOfPath } from "../check/positions.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { AnyNode, GraphNode } from "../graph.js";

interface Trigger {
  readonly fn: GraphNode<"function">;
  readonly index: number;
  readonly events: readonly string[];
  readonly prefix: string;
  readonly suffix: string;
}

/**
 * S3 refuses a bucket's notification configuration when two of its rules could match the same
 * object event (same event type, prefixes where one starts the other, suffixes where one ends the
 * other): "Configuration is ambiguously defined". All object triggers of a bucket become one
 * notification, so such a pair is reported here, at the second trigger, rather than by `terraform apply`.
 */
export function overlappingObjectTriggers(nodes: readonly AnyNode[], byName: ReadonlyMap<string, CheckedNode>): Diagnostic[] {
  const byBucket = new Map<string, Trigger[]>();
  for (const node of nodes) {
    if (node.kind !== "function") continue;
    node.props.triggers.objects.forEach((t, index) => {
      const list = byBucket.get(t.bucket.name) ?? [];
      list.push({ fn: node, index, events: t.events, prefix: t.prefix ?? "", suffix: t.suffix ?? "" });
      byBucket.set(t.bucket.name, list);
    });
  }
  const out: Diagnostic[] = [];
  for (const [bucket, triggers] of byBucket) {
    triggers.forEach((b, j) => {
      const a = triggers.slice(0, j).find((earlier) => overlap(earlier, b));
      if (!a) return;
      const at = positionOfPath(byName.get(b.fn.name) as never, ["triggers", "objects", String(b.index)], b.fn.pos);
      const other = a.fn === b.fn ? `its own trigger ${a.index + 1}` : `function "${a.fn.name}"`;
      out.push(
        diagnostic(at, "NOROS3053", `function "${b.fn.name}": this trigger on bucket "${bucket}" overlaps ${other} (same events, overlapping prefix and suffix), which S3 refuses`, {
          hint: "give the triggers disjoint prefixes or suffixes, or different events",
        }),
      );
    });
  }
  return out;
}

function overlap(a: Trigger, b: Trigger): boolean {
  const events = a.events.some((e) => b.events.includes(e));
  const prefixes = a.prefix.startsWith(b.prefix) || b.prefix.startsWith(a.prefix);
  const suffixes = a.suffix.endsWith(b.suffix) || b.suffix.endsWith(a.suffix);
  return events && prefixes && suffixes;
}
