import { z } from "zod";
import type { Deferrable } from "../core.js";
import type { Host } from "../host.js";
import type { LoadBalancer } from "../load-balancer.js";
import type { Service } from "../service.js";
import { fail, parseCidr, type Use } from "./common.js";

/**
 * Construct kinds that can send a flow: each owns a security group, so "accept 8080 from web" becomes
 * a rule naming web's group rather than a range of addresses that drifts when web moves.
 */
export const flowSenderKinds = ["host", "service", "load-balancer"] as const;
export type FlowSenderKind = (typeof flowSenderKinds)[number];
type Sender = Host | Service | LoadBalancer;

const isUse = (value: unknown): value is Use =>
  typeof value === "object" && value !== null && (value as { $noros?: unknown }).$noros === "use";

/**
 * Where inbound traffic may come from: an IPv4 range ("10.0.0.0/16", "0.0.0.0/0"), or a construct that
 * sends it (`from: lb`, `from: otherHost`), which lowers to a rule between security groups plus the
 * sender's matching egress.
 */
export const FlowFrom = z
  .custom<string | Deferrable<Sender>>()
  .superRefine((given, ctx) => {
    // By the time the schema sees it, a construct is a `use` marker, whatever its authoring type.
    const value: unknown = given;
    if (typeof value === "string") {
      if (parseCidr(value) === undefined) {
        fail(ctx, "NOROS2004", `"${value}" is not a valid IPv4 CIDR block: write a network such as 10.0.0.0/16 with its host bits zero, or name the construct the traffic comes from`);
      }
      return;
    }
    if (value === undefined) {
      fail(ctx, "NOROS2009", "this property is required");
      return;
    }
    if (!isUse(value) || !(flowSenderKinds as readonly string[]).includes(value.kind)) {
      const found = isUse(value) ? `the ${value.kind} "${value.name}"` : "something else";
      fail(ctx, "NOROS2010", `expected an address range such as "10.0.0.0/16" or a host, service or load balancer here, found ${found}`);
    }
  })
  .transform((value) => value as unknown as string | Use<FlowSenderKind>);

export type FlowFromValue = z.output<typeof FlowFrom>;
