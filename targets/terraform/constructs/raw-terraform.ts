import type { GraphNode, RefValue, TextValue } from "../../../compiler/graph.js";
import { nodesOf, type Graph } from "../../../compiler/graph.js";
import type { TerraformDocument } from "../document.js";
import { refString, valueString } from "../expression.js";

/** A raw block whose address noros already generates (or another escape hatch declared first). */
export interface RawConflict {
  /** The raw construct. */
  readonly origin: string;
  readonly address: string;
  /** Where in the raw construct's properties: ["resource", type, name]. */
  readonly path: readonly string[];
  /** The construct (or "system") the address already belongs to. */
  readonly existing: string;
}

const isMarked = (value: unknown, marker: string): boolean => typeof value === "object" && value !== null && (value as { $noros?: unknown }).$noros === marker;

/** Raw values as Terraform JSON: references become `${...}`; strings are Terraform templates already. */
function terraformValue(value: unknown): unknown {
  if (isMarked(value, "ref")) return refString(value as RefValue);
  if (isMarked(value, "text")) return valueString(value as TextValue);
  if (Array.isArray(value)) return value.map(terraformValue);
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, terraformValue(v)]));
  return value;
}

type Body = Record<string, unknown>;

/** Each block of one escape hatch, with its address and property path, in a stable order. */
export function rawBlocks(node: GraphNode<"raw-terraform">): Array<{ section: "resource" | "data" | "output" | "variable" | "locals"; address: string; path: string[]; type?: string; name: string; value: unknown }> {
  const { props } = node;
  const sorted = <T>(record: Record<string, T>) => Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return [
    ...sorted(props.data).flatMap(([type, byName]) => sorted(byName).map(([name, value]) => ({ section: "data" as const, address: `data.${type}.${name}`, path: ["data", type, name], type, name, value }))),
    ...sorted(props.resource).flatMap(([type, byName]) => sorted(byName).map(([name, value]) => ({ section: "resource" as const, address: `${type}.${name}`, path: ["resource", type, name], type, name, value }))),
    ...sorted(props.variable).map(([name, value]) => ({ section: "variable" as const, address: `var.${name}`, path: ["variable", name], name, value })),
    ...sorted(props.locals).map(([name, value]) => ({ section: "locals" as const, address: `local.${name}`, path: ["locals", name], name, value })),
    ...sorted(props.output).map(([name, value]) => ({ section: "output" as const, address: `output.${name}`, path: ["output", name], name, value })),
  ];
}

/**
 * Merges every escape hatch into the document, after everything noros generates: a raw block never
 * silently replaces a generated one; it is reported as a conflict instead.
 */
export function lowerRawTerraform(graph: Graph, tf: TerraformDocument): RawConflict[] {
  const conflicts: RawConflict[] = [];
  for (const node of nodesOf(graph, "raw-terraform")) {
    for (const block of rawBlocks(node)) {
      if (tf.has(block.address)) {
        conflicts.push({ origin: node.name, address: block.address, path: block.path, existing: tf.origins.get(block.address) ?? "system" });
        continue;
      }
      const value = terraformValue(block.value);
      switch (block.section) {
        case "resource":
          tf.resource(block.type as string, block.name, value as Body, node.name);
          break;
        case "data":
          tf.data(block.type as string, block.name, value as Body, node.name);
          break;
        case "variable":
          tf.variable(block.name, value as Body, node.name);
          break;
        case "locals":
          tf.local(block.name, value, node.name);
          break;
        case "output":
          tf.output(block.name, value as Body, node.name);
          break;
      }
    }
  }
  return conflicts;
}
