import { construct, type Construct, type Ref } from "./core.js";
import type { CacheInput } from "./schemas/cache.js";

/** The references a cache exposes, and the type of value each stands for. */
export const cacheAttributes = { endpoint: "hostname", port: "port" } as const;

export type Cache = Construct<"cache", CacheInput> & {
  readonly endpoint: Ref<"hostname">;
  readonly port: Ref<"port">;
};

/**
 * Redis with AUTH, chosen by one field: `on: "elasticache"` (managed, encrypted at rest and in
 * transit) or `on: { host }` (services.redis on that NixOS host, its password fetched at boot).
 * Only its declared `clients` reach its port.
 */
export function cache(name: string, props: CacheInput): Cache {
  return construct("cache", name, props, cacheAttributes);
}
