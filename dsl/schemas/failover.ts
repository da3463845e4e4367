import { z } from "zod";
import type { DnsZone } from "../dns-zone.js";
import type { HealthCheck } from "../health-check.js";
import type { LoadBalancer } from "../load-balancer.js";
import { use } from "./common.js";
import { DomainName } from "./domain.js";

export const FailoverSchema = z.strictObject({
  /** The zone the two records are written to. */
  zone: use<DnsZone>("dns-zone"),
  /** The name clients use, inside the zone. */
  name: DomainName,
  /** Where the name points while `healthCheck` passes. */
  primary: use<LoadBalancer>("load-balancer"),
  /** Where it points once the primary's health check fails (and while the secondary itself is healthy). */
  secondary: use<LoadBalancer>("load-balancer"),
  /** Decides whether the primary is healthy. */
  healthCheck: use<HealthCheck>("health-check"),
});

export type FailoverInput = z.input<typeof FailoverSchema>;
export type FailoverProps = z.output<typeof FailoverSchema>;
