import { construct, type Construct, type Ref } from "./core.js";
import type { FailoverInput } from "./schemas/failover.js";

export const failoverAttributes = { fqdn: "hostname" } as const;

export type Failover = Construct<"failover", FailoverInput> & { readonly fqdn: Ref<"hostname"> };

/**
 * Route53 failover routing: one name, a primary and a secondary record, and the primary answers only
 * while its health check passes. Each origin is a load balancer, or a cluster with `ingress` (the
 * network load balancer of its ingress controller).
 */
export function failover(name: string, props: FailoverInput): Failover {
  return construct("failover", name, props, failoverAttributes);
}
