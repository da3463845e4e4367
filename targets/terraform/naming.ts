/**
 * Physical names. Every name starts with `var.name_prefix` (the system's name unless overridden), so
 * two deployments of one system (an e2e run beside production) never collide.
 */
export const NAME_PREFIX = "${var.name_prefix}";

export function physicalName(name: string, suffix = ""): string {
  return `${NAME_PREFIX}-${name}${suffix ? `-${suffix}` : ""}`;
}

export function nameTag(name: string, suffix = ""): Record<string, string> {
  return { Name: physicalName(name, suffix) };
}

/** Terraform address-safe local names: author names are kept, suffixes are joined with "_". */
export function localName(name: string, ...suffixes: Array<string | number>): string {
  return [name, ...suffixes.map(String)].join("_");
}
