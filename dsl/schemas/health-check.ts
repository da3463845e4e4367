import { z } from "zod";
import { Port, ValueSchema, fail } from "./common.js";
import { isDomainName } from "./domain.js";

export const Route53HealthCheckSchema = z
  .strictObject({
    /** The name probed: a domain name, or a reference such as `lb.dnsName`. */
    target: ValueSchema.superRefine((value, ctx) => {
      if (typeof value === "string" && !isDomainName(value)) fail(ctx, "NOROS2087", `"${value}" is not a domain name such as api.example.com`);
    }),
    /** How: an HTTP(S) GET of `path` answered with 2xx or 3xx, or a TCP connection. */
    protocol: z.enum(["http", "https", "tcp"]).default("https"),
    /** Default: 443 for https, 80 for http; required for tcp. */
    port: Port.optional(),
    /** The path an http or https check asks for. */
    path: z.string().regex(/^\/[A-Za-z0-9._~\/-]*(?:\?[A-Za-z0-9._~=&%-]*)?$/, "a path such as /health").optional(),
    /** Seconds between probes from each checker: 10 or 30. */
    intervalS: z.union([z.literal(10), z.literal(30)]).default(30),
    /** Failed probes in a row before the target counts as unhealthy. */
    failureThreshold: z.number().int().min(1).max(10).default(3),
  })
  .superRefine((check, ctx) => {
    if (check.protocol === "tcp" && check.path !== undefined) fail(ctx, "NOROS2086", "a tcp health check asks for no path: remove path, or use http or https", ["path"]);
    if (check.protocol === "tcp" && check.port === undefined) fail(ctx, "NOROS2009", "a tcp health check needs the port it connects to", ["protocol"]);
  });

export type HealthCheckInput = z.input<typeof Route53HealthCheckSchema>;
export type Route53HealthCheckProps = z.output<typeof Route53HealthCheckSchema>;
