import { construct, type Construct, type Ref } from "./core.js";
import type { LoadBalancerInput } from "./schemas/load-balancer.js";

/** The references a load balancer exposes. */
export const loadBalancerAttributes = { dnsName: "hostname", arn: "arn", zoneId: "zone-id" } as const;

export type LoadBalancer = Construct<"load-balancer", LoadBalancerInput> & {
  readonly dnsName: Ref<"hostname">;
  readonly arn: Ref<"arn">;
  readonly zoneId: Ref<"zone-id">;
};

/**
 * An application (HTTP/HTTPS) or network (TCP/UDP) load balancer in a network's public subnets, with
 * its own security group: it admits clients on its listeners and reaches only its targets, which in
 * turn admit traffic only from it. HTTPS uses a modern TLS policy; with a certificate, HTTP redirects.
 */
export function loadBalancer(name: string, props: LoadBalancerInput): LoadBalancer {
  return construct("load-balancer", name, props, loadBalancerAttributes);
}
