import { construct, type Construct, type Ref } from "./core.js";
import type { DnsRecordInput } from "./schemas/dns-record.js";

export const dnsRecordAttributes = { fqdn: "hostname" } as const;

export type DnsRecord = Construct<"dns-record", DnsRecordInput> & { readonly fqdn: Ref<"hostname"> };

/** A Route53 record: an alias to a load balancer, or a plain A, AAAA, CNAME or TXT record. */
export function dnsRecord(name: string, props: DnsRecordInput): DnsRecord {
  return construct("dns-record", name, props, dnsRecordAttributes);
}
