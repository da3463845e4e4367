import type { RefValue, Use } from "../../dsl/schemas/index.js";

export type Found = { readonly path: string[] } & ({ readonly use: Use } | { readonly ref: RefValue });

/** Each checked value's references, found once: resolving, clusters and data consistency all ask. */
const foundIn = new WeakMap<object, readonly Found[]>();

/**
 * Every construct use and reference inside a checked value, with the property path it sits at, in the
 * order they are written. One walk with one path stack: a path is copied only for what is found, since
 * nearly every value of a large system is plain data.
 */
export function findReferences(value: unknown): readonly Found[] {
  if (value === null || typeof value !== "object") return [];
  const known = foundIn.get(value);
  if (known) return known;
  const found = walk(value);
  foundIn.set(value, found);
  return found;
}

function walk(value: object): Found[] {
  const found: Found[] = [];
  const path: string[] = [];
  const visit = (current: unknown): void => {
    if (Array.isArray(current)) {
      for (let index = 0; index < current.length; index++) {
        path.push(String(index));
        visit(current[index]);
        path.pop();
      }
      return;
    }
    if (current === null || typeof current !== "object") return;
    const marked = current as { $noros?: unknown };
    if (marked.$noros === "use") found.push({ path: [...path], use: current as Use });
    else if (marked.$noros === "ref") found.push({ path: [...path], ref: current as RefValue });
    else {
      for (const [key, child] of Object.entries(current)) {
        path.push(key);
        visit(child);
        path.pop();
      }
    }
  };
  visit(value);
  return found;
}
