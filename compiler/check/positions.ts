import type { SourcePosition } from "../diagnostics/diagnostic.js";
import type { EvaluatedNode } from "../load/evaluate.js";

/**
 * The source position of a property path inside a construct: the deepest part of the path that was
 * written as a literal, else the construct's own call, else the fallback (the system file's start).
 */
export function positionOfPath(node: EvaluatedNode, path: ReadonlyArray<PropertyKey>, fallback: SourcePosition): SourcePosition {
  const keys = path.map((k) => String(k));
  for (let length = keys.length; length >= 0; length--) {
    const found = node.propPos.get(JSON.stringify(keys.slice(0, length)));
    if (found) return found;
  }
  return node.pos ?? fallback;
}
