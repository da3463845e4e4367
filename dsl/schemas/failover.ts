import { z } from "zod";
import type { Cluster } from "../cluster.js";
import type { DnsZone } from "../dns-zone.js";
import type { HealthCheck } from "../health-check.js";
import type { LoadBalancer } from "../load-balancer.js";
import { use } from "./common.js";
import { DomainName } from "./domain.js";

/**
 * An origin the name can point to: a load balancer, or a cluster with `ingress`, meaning the network
 * load balancer Kubernetes creates for its ingress controller. Either way the record is an alias that
 * also follows the load balancer's own target health.
 */
const Origin = use<LoadBalancer | Cluster>("load-balancer", "cluster");

export const FailoverSchema = z.strictObject({
  /** The zone the two records are written to. */
  zone: use<DnsZone>("dns-zone"),
  /** The name clients use, inside the zone. */
  name: DomainName,
  /** Where the name points while `healthCheck` passes: a load balancer, or a cluster's ingress. */
  primary: Origin,
  /** Where it points once the primary's health check fails (and while the secondary itself is healthy). */
  secondary: Origin,
  /** Decides whether the primary is healthy. */
  healthCheck: use<HealthCheck>("health-check"),
});

export type FailoverInput = z.input<typeof FailoverSchema>;
export type FailoverProps = z.output<typeof FailoverSchema>;
