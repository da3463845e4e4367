import { consul, dnsmasq, grafana, host, prometheus } from "noros";
import { clusterJoin } from "./cluster-join.ts";
import { network } from "./network.ts";

/**
 * The monitoring host: Prometheus finds its targets in Consul's catalogue and scrapes the Consul
 * servers (/v1/agent/metrics), the Nomad agents (/v1/metrics) and every Envoy sidecar of the mesh
 * (port 9102, set for all proxies by the servers' proxy-defaults); Grafana has Prometheus provisioned
 * as its data source. Both register in Consul with HTTP health checks. Reach them through Session
 * Manager port forwarding: nothing here is public.
 */
// requirement S2.5: `prometheus({ scrape: [consul, nomad, envoy] })` and `grafana()` with a provisioned Prometheus data source
export const monitoring = host("monitoring", {
  network,
  instanceType: "t3.medium",
  diskGb: 40,
  modules: [
    consul({
      server: false,
      join: clusterJoin,
      services: [
        { name: "prometheus", port: 9090, check: { http: "/-/healthy" } },
        { name: "grafana", port: 3000, check: { http: "/api/health" } },
      ],
    }),
    dnsmasq(),
    prometheus({
      scrape: [
        {
          job: "consul",
          path: "/v1/agent/metrics",
          params: { format: "prometheus" },
          port: 8500,
          consulServices: ["consul"],
        },
        {
          job: "nomad",
          path: "/v1/metrics",
          params: { format: "prometheus" },
          port: 4646,
          consulServices: ["nomad", "nomad-client"],
        },
        { job: "envoy", path: "/metrics", port: 9102, sidecarProxies: true },
      ],
    }),
    grafana(),
  ],
});
