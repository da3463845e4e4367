import { z } from "zod";
import { Cidr, cidrContains, cidrsOverlap, fail } from "./common.js";

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
    const all: Array<[string, number, string]> = [
      ...net.publicSubnets.map((c, i): [string, number, string] => ["publicSubnets", i, c]),
      ...net.privateSubnets.map((c, i): [string, number, string] => ["privateSubnets", i, c]),
    ];
    all.forEach(([field, index, cidr], position) => {
      if (!cidrContains(net.cidr, cidr)) {
        fail(ctx, "NOROS2005", `subnet ${cidr} is outside the network's range ${net.cidr}`, [field, index]);
        return;
      }
      const earlier = all.slice(0, position).find(([, , other]) => cidrsOverlap(other, cidr));
      if (earlier) fail(ctx, "NOROS2007", `subnet ${cidr} overlaps subnet ${earlier[2]}`, [field, index]);
    });
    if (net.natGateway && net.publicSubnets.length === 0) {
      ctx.addIssue({ code: "custom", message: "a NAT gateway needs at least one public subnet", path: ["natGateway"] });
    }
  });

export type NetworkInput = z.input<typeof NetworkSchema>;
export type NetworkProps = z.output<typeof NetworkSchema>;
