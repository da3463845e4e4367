import { construct, type Construct, type Ref } from "./core.js";
import type { DnsZoneInput } from "./schemas/dns-zone.js";

export const dnsZoneAttributes = { zoneId: "zone-id" } as const;

export type DnsZone = Construct<"dns-zone", DnsZoneInput> & { readonly zoneId: Ref<"zone-id"> };

/** A Route53 public hosted zone: created by the system, or an existing one looked up by name. */
export function dnsZone(name: string, props: DnsZoneInput): DnsZone {
  return construct("dns-zone", name, props, dnsZoneAttributes);
}
