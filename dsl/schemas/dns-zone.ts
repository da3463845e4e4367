import { z } from "zod";
import { DomainName } from "./domain.js";

export const DnsZoneSchema = z.strictObject({
  /** The zone's domain, e.g. "example.com". */
  domain: DomainName,
  /**
   * Use the account's existing public hosted zone of that name (looked up, never changed or
   * destroyed) instead of creating one: what a registered domain usually already has.
   */
  existing: z.boolean().default(false),
});

export type DnsZoneInput = z.input<typeof DnsZoneSchema>;
export type DnsZoneProps = z.output<typeof DnsZoneSchema>;
