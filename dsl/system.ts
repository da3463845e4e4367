import type { SystemInput } from "./schemas/system.js";

export interface System {
  readonly $noros: "system";
  readonly name: string;
  readonly props: SystemInput;
}

/**
 * The one expression a system file default-exports. Every construct reachable from `spec` (listed in
 * `resources`, or referred to by one that is) is part of the system.
 */
export function system(name: string, spec: SystemInput): System {
  return Object.freeze({ $noros: "system", name, props: spec });
}
