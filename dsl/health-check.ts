import { construct, type Construct, type Ref } from "./core.js";
import type { HealthCheckInput } from "./schemas/health-check.js";

export const healthCheckAttributes = { id: "id" } as const;

export type HealthCheck = Construct<"health-check", HealthCheckInput> & { readonly id: Ref<"id"> };

/** A Route53 health check: checkers around the world probe a name over HTTP(S) or TCP. */
export function healthCheck(name: string, props: HealthCheckInput): HealthCheck {
  return construct("health-check", name, props, healthCheckAttributes);
}
