import type { ModuleOptions } from "../../../dsl/schemas/nixos/index.js";
import { nix, type NixData } from "../ast.js";
import type { LoweredModule } from "./context.js";

/**
 * services.prometheus, finding its targets in the local Consul agent's catalogue: each job scrapes
 * every healthy instance of its services on the job's port (Consul's, Nomad's and Envoy's metrics
 * live on ports other than the services' own). It runs as the `prometheus` user the module creates.
 */
export function lowerPrometheus(options: ModuleOptions<"prometheus">): LoweredModule {
  const scrapeConfigs = options.scrape.map((s) => {
    const job: Record<string, NixData> = {
      job_name: s.job,
      metrics_path: s.path,
      scrape_interval: `${s.intervalSeconds}s`,
      consul_sd_configs: [{ server: "127.0.0.1:8500", ...(s.consulServices.length > 0 && !s.sidecarProxies ? { services: [...s.consulServices] } : {}) }],
      relabel_configs: [
        ...(s.sidecarProxies
          ? [{ source_labels: ["__meta_consul_service"], regex: [...s.consulServices.map(escapeRegex), ".+-sidecar-proxy"].join("|"), action: "keep" }]
          : []),
        // Scrape the node's address on the job's port, and keep the Consul service and node as labels.
        { source_labels: ["__meta_consul_address"], target_label: "__address__", replacement: `\${1}:${s.port}` },
        { source_labels: ["__meta_consul_service"], target_label: "service" },
        { source_labels: ["__meta_consul_node"], target_label: "node" },
      ],
    };
    const params = Object.entries(s.params).sort(([a], [b]) => (a < b ? -1 : 1));
    if (params.length > 0) job.params = Object.fromEntries(params.map(([k, v]) => [k, [v]]));
    return job;
  });
  return {
    title: "Prometheus",
    options: {
      "services.prometheus.enable": nix.bool(true),
      "services.prometheus.port": nix.num(options.port),
      "services.prometheus.retentionTime": nix.str(`${options.retentionDays}d`),
      "services.prometheus.scrapeConfigs": nix.value(scrapeConfigs),
    },
  };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
