import { z } from "zod";
import { Cidr, cidrContains, cidrRange, fail } from "./common.js";

export const NetworkSchema = z
  .strictObject({
    /** The VPC's address range. */
    cidr: Cidr,
    /** How many availability zones the subnets spread over (subnet i goes to zone i mod n). */
    availabilityZones: z.number().int().min(1).max(6).default(2),
    /** Subnets with a route to the internet gateway. */
    publicSubnets: z.array(Cidr).default([]),
    /** Subnets without a public route; they reach the internet only through a NAT gateway, if any. */
    privateSubnets: z.array(Cidr).default([]),
    /** One NAT gateway (in the first public subnet) for the private subnets' outbound traffic. */
    natGateway: z.boolean().default(false),
    /** A gateway VPC endpoint for S3, so private hosts reach S3 without the internet. */
    s3Endpoint: z.boolean().default(true),
  })
  .superRefine((net, ctx) => {
    const all = [
      ...net.publicSubnets.map((cidr, index) => ({ field: "publicSubnets", index, cidr })),
      ...net.privateSubnets.map((cidr, index) => ({ field: "privateSubnets", index, cidr })),
    ];
    const inside = all.filter(({ field, index, cidr }) => {
      if (cidrContains(net.cidr, cidr)) return true;
      fail(ctx, "NOROS2005", `subnet ${cidr} is outside the network's range ${net.cidr}`, [field, index]);
      return false;
    });
    // Sorted by first address, a subnet can only overlap its predecessors' furthest reach: one pass,
    // not a comparison of every pair (systems with thousands of subnets exist).
    const ranges = inside.map((s, order) => ({ ...s, order, ...cidrRange(s.cidr) })).sort((a, b) => a.first - b.first || a.order - b.order);
    let reach: (typeof ranges)[number] | undefined;
    const overlaps: Array<{ later: (typeof ranges)[number]; earlier: (typeof ranges)[number] }> = [];
    for (const range of ranges) {
      if (reach && range.first <= reach.last) {
        const [earlier, later] = reach.order < range.order ? [reach, range] : [range, reach];
        overlaps.push({ earlier, later });
      }
      if (!reach || range.last > reach.last) reach = range;
    }
    for (const { earlier, later } of overlaps) {
      fail(ctx, "NOROS2007", `subnet ${later.cidr} overlaps subnet ${earlier.cidr}`, [later.field, later.index]);
    }
    if (net.natGateway && net.publicSubnets.length === 0) {
      ctx.addIssue({ code: "custom", message: "a NAT gateway needs at least one public subnet", path: ["natGateway"] });
    }
  });

export type NetworkInput = z.input<typeof NetworkSchema>;
export type NetworkProps = z.output<typeof NetworkSchema>;
