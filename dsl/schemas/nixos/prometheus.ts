import { z } from "zod";
import { Cidr, Port, fail } from "../common.js";
import { DatacenterName } from "./common.js";

const Scrape = z.strictObject({
  /** The job name: the `job` label of every series it collects. */
  job: DatacenterName,
  /** Where the metrics are: /metrics, or Consul's /v1/agent/metrics. */
  path: z.string().regex(/^\/[A-Za-z0-9._~/-]*$/).default("/metrics"),
  /** Query parameters, such as format=prometheus. */
  params: z.record(z.string().regex(/^[a-z_]+$/), z.string()).default({}),
  /** The port the targets serve metrics on (the host's security group lets it out to the network). */
  port: Port,
  /** Targets found in Consul's catalogue by service name (every healthy instance is scraped on `port`). */
  consulServices: z.array(z.string().regex(/^[a-z0-9-]+$/)).default([]),
  /** Also every Consul Connect sidecar proxy (services named "<service>-sidecar-proxy"): their Envoy metrics. */
  sidecarProxies: z.boolean().default(false),
  intervalSeconds: z.number().int().min(5).max(3600).default(15),
}).superRefine((scrape, ctx) => {
  if (scrape.consulServices.length === 0 && !scrape.sidecarProxies) fail(ctx, "NOROS2267", `scrape job "${scrape.job}" has no targets: name consulServices or set sidecarProxies`);
});

/** Prometheus, finding its targets through the local Consul agent. */
export const PrometheusSchema = z.strictObject({
  port: Port.default(9090),
  /** Who may query it (Grafana, operators through Session Manager port forwarding); the host's network unless set. */
  from: Cidr.optional(),
  /** How long samples are kept. */
  retentionDays: z.number().int().min(1).max(365).default(15),
  scrape: z.array(Scrape).min(1),
});

export type PrometheusInput = z.input<typeof PrometheusSchema>;
export type PrometheusProps = z.output<typeof PrometheusSchema>;
