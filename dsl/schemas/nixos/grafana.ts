import { z } from "zod";
import { Cidr, Port } from "../common.js";

/**
 * Grafana with a provisioned Prometheus data source. Its admin password and secret key are generated
 * on the host at first start (kept in /var/lib/grafana, readable by grafana only), never in the
 * configuration or the Nix store.
 */
export const GrafanaSchema = z.strictObject({
  port: Port.default(3000),
  from: Cidr.optional(),
  /** The Prometheus server the data source points at. */
  prometheusUrl: z.string().regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?\/?$/).default("http://127.0.0.1:9090"),
});

export type GrafanaInput = z.input<typeof GrafanaSchema>;
export type GrafanaProps = z.output<typeof GrafanaSchema>;
