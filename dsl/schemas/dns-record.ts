import { z } from "zod";
import type { DnsZone } from "../dns-zone.js";
import type { LoadBalancer } from "../load-balancer.js";
import { ValueSchema, fail, use } from "./common.js";
import { DomainName } from "./domain.js";

export const DnsRecordSchema = z
  .strictObject({
    /** The zone the record is written to. */
    zone: use<DnsZone>("dns-zone"),
    /** The full name, inside the zone: "checker.example.com" (or the zone's own domain). */
    name: DomainName,
    /** An alias to a load balancer: follows its addresses, costs no queries, and answers only while it is healthy. */
    to: use<LoadBalancer>("load-balancer").optional(),
    /** Instead of `to`: a plain record of this type. */
    type: z.enum(["A", "AAAA", "CNAME", "TXT"]).optional(),
    /** The plain record's values: text or references (`host.privateIp`). */
    values: z.array(ValueSchema).min(1).optional(),
    /** Seconds resolvers may cache a plain record. */
    ttlS: z.number().int().min(0).max(604800).default(300),
  })
  .superRefine((record, ctx) => {
    const plain = record.type !== undefined || record.values !== undefined;
    if (record.to === undefined && !plain) fail(ctx, "NOROS2009", "a record needs `to` (a load balancer) or `type` and `values`", ["to"]);
    if (record.to !== undefined && plain) fail(ctx, "NOROS2088", "a record is either an alias (`to`) or plain (`type` and `values`), not both", [record.type !== undefined ? "type" : "values"]);
    if (record.to === undefined && plain && (record.type === undefined || record.values === undefined)) {
      fail(ctx, "NOROS2009", "a plain record needs both `type` and `values`", [record.type === undefined ? "type" : "values"]);
    }
    if (record.type === "CNAME" && (record.values?.length ?? 0) > 1) fail(ctx, "NOROS2088", "a CNAME record has exactly one value", ["values"]);
  });

export type DnsRecordInput = z.input<typeof DnsRecordSchema>;
export type DnsRecordProps = z.output<typeof DnsRecordSchema>;
