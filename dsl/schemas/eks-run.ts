import { z } from "zod";
import type { Cluster } from "../cluster.js";
import { fail, Port, use } from "./common.js";

/** A Prometheus counter's name, e.g. "http_requests_total". */
const CounterName = z.string().superRefine((value, ctx) => {
  if (!/^[a-zA-Z_:][a-zA-Z0-9_:]*_total$/.test(value)) fail(ctx, "NOROS2127", `"${value}" is not a Prometheus counter name: letters, digits, "_" and ":", ending in _total`);
});

/** The metric a service autoscales on: the per-pod rate of one of its own counters, served by the metrics adapter. */
export const AutoscaleMetricSchema = z.strictObject({
  /** A counter the app exposes on its metrics path, e.g. "http_requests_total". */
  counter: CounterName,
  /** The rate per second each pod should see on average; more pods are started above it. */
  targetPerPod: z.number().positive().max(100_000),
});

/** The name the adapter serves a counter's rate under: http_requests_total -> http_requests_per_second. */
export const rateMetricName = (counter: string): string => `${counter.replace(/_total$/, "")}_per_second`;

export const EksRunSchema = z
  .strictObject({
    on: z.literal("eks"),
    /** The cluster the service runs on. */
    cluster: use<Cluster>("cluster"),
    /** The node group its pods are pinned to (required node affinity). */
    nodeGroup: z.string().default("main"),
    /** How many pods run (without `autoscale`). */
    replicas: z.number().int().min(1).max(100).optional(),
    /** Horizontal pod autoscaling between min and max pods on a custom metric (needs the cluster's monitoring). */
    autoscale: z
      .strictObject({
        min: z.number().int().min(1).max(100),
        max: z.number().int().min(1).max(100),
        metric: AutoscaleMetricSchema,
      })
      .superRefine((autoscale, ctx) => {
        if (autoscale.min > autoscale.max) fail(ctx, "NOROS2122", `min ${autoscale.min} is larger than max ${autoscale.max}`, ["min"]);
      })
      .optional(),
    /** Route requests for this path prefix (and host, if given) from the cluster's ingress to the service. */
    ingress: z
      .strictObject({
        /** A path prefix such as "/" or "/shop". */
        path: z.string().regex(/^\/[A-Za-z0-9._~\/-]*$/, "a path starts with / and uses letters, digits, '.', '_', '~', '-' and '/'").default("/"),
        /** A host name to match, e.g. "shop.example.com"; without it every host matches. */
        host: z.string().regex(/^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/, "a host is a lowercase DNS name").optional(),
      })
      .optional(),
    /**
     * Serve TLS on this port too, with a certificate from the cluster's internal CA (mounted at
     * /etc/noros/tls; TLS_PORT, TLS_CERT_FILE, TLS_KEY_FILE and TLS_CA_FILE tell the app where).
     */
    tls: z.strictObject({ port: Port }).optional(),
    /** Where the app serves Prometheus metrics (scraped when the cluster has monitoring). */
    metricsPath: z.string().regex(/^\/[A-Za-z0-9._~\/-]*$/).default("/metrics"),
  })
  .superRefine((run, ctx) => {
    if (run.autoscale && run.replicas !== undefined) {
      fail(ctx, "NOROS2123", "replicas and autoscale exclude each other: with autoscale the pod count is between autoscale.min and autoscale.max", ["replicas"]);
    }
  });

export type EksRunProps = z.output<typeof EksRunSchema>;
