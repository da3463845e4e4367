/**
 * JSON with object keys sorted at every level and a trailing newline: the same data always prints to the
 * same bytes, whatever order it was built in. Arrays keep their order (it is meaningful).
 *
 * Sorting happens inside JSON.stringify's own walk (a replacer), one object at a time, and objects whose
 * keys are in order already pass through untouched: a sorted deep copy of a 130,000-resource document
 * would cost as much memory again as the document itself.
 */
export function canonicalJson(value: unknown, indent = 2): string {
  return `${JSON.stringify(value, sortedKeys, indent)}\n`;
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  if (inOrder(keys)) return value;
  const out: Record<string, unknown> = {};
  for (const key of keys.sort()) out[key] = (value as Record<string, unknown>)[key];
  return out;
}

function inOrder(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if ((keys[i - 1] as string) > (keys[i] as string)) return false;
  return true;
}
