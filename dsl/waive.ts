import type { Construct } from "./core.js";

/**
 * Waives one security-policy rule for one construct: `waive(bucket("site"), "NOROS-S3-001", "why")`.
 * The result is the same construct (same kind, name, properties and references), carrying the waiver
 * beside its properties, so that no construct's schema has to know about waivers and every construct,
 * including ones added later and escape hatches, can be waived. `noros check` lists every waiver in
 * force; a waiver without a reason, of an unknown rule or that waives nothing is reported.
 *
 * The waiver is kept as a link to the construct it waives (`$waives`), so the compiler sees one
 * construct whether the rest of the system refers to the waived value or to the original.
 */
export function waive<C extends Construct>(target: C, rule: string, reason: string): C {
  if (typeof target !== "object" || target === null || (target as { $noros?: unknown }).$noros !== "construct") {
    throw new TypeError("waive() takes a construct (bucket(...), host(...), raw.terraform(...)) as its first argument");
  }
  return Object.freeze({ ...target, $waiver: Object.freeze({ rule, reason }), $waives: target });
}
