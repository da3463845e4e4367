import type { RefValue, Use } from "../../dsl/schemas/index.js";

export type Found = { readonly path: string[] } & ({ readonly use: Use } | { readonly ref: RefValue });

/** Every construct use and reference inside a checked value, with the property path it sits at. */
export function findReferences(value: unknown, path: string[] = []): Found[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => findReferences(item, [...path, String(index)]));
  if (value === null || typeof value !== "object") return [];
  const marked = value as { $noros?: unknown };
  if (marked.$noros === "use") return [{ path, use: value as Use }];
  if (marked.$noros === "ref") return [{ path, ref: value as RefValue }];
  return Object.entries(value).flatMap(([key, child]) => findReferences(child, [...path, key]));
}
