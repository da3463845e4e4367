import { ENVOY_METRICS_PORT, retryJoinAddress } from "../../../compiler/util/module-flows.js";
import type { ModuleOptions } from "../../../dsl/schemas/nixos/index.js";
import { nix, type NixData, type NixExpr } from "../ast.js";
import type { LoweredModule } from "./context.js";

/** The first admin port of the sidecars' Envoy processes; each sidecar takes the next one. */
const ENVOY_ADMIN_PORT = 19000;

/**
 * services.consul: a server or client agent that joins by EC2 tags (retrying until it has), binds to
 * the host's private address, answers DNS on 127.0.0.1:8600 (dnsmasq forwards `.consul` there), serves
 * Prometheus telemetry, and with Connect the gRPC port Envoy reads its configuration from. It runs as
 * the `consul` user the NixOS module creates. Services it registers carry HTTP health checks; those in
 * the mesh get an Envoy sidecar, each its own systemd service under a dynamic user.
 */
export function lowerConsul(options: ModuleOptions<"consul">): LoweredModule {
  const config: Record<string, NixData> = {
    datacenter: options.datacenter,
    server: options.server,
    // go-sockaddr template: the host's first private address, whatever the interface is called.
    bind_addr: "{{ GetPrivateIP }}",
    client_addr: "127.0.0.1",
    // The HTTP API (and /v1/agent/metrics) also on the private address, for Prometheus; the security group admits the VPC only.
    addresses: { http: "127.0.0.1 {{ GetPrivateIP }}" },
    retry_join: [retryJoinAddress(options.join)],
    telemetry: { prometheus_retention_time: "60s", disable_hostname: true },
    ui_config: { enabled: options.ui },
  };
  if (options.server) {
    config.bootstrap_expect = options.bootstrapExpect ?? 1;
    config.performance = { raft_multiplier: 1 };
  }
  if (options.connect) {
    config.connect = { enabled: true };
    config.ports = { grpc: 8502 };
    // Every Envoy sidecar in the mesh serves its metrics where Prometheus scrapes them.
    if (options.server) config.config_entries = { bootstrap: [{ kind: "proxy-defaults", name: "global", config: { envoy_prometheus_bind_addr: `0.0.0.0:${ENVOY_METRICS_PORT}` } }] };
  }
  if (options.services.length > 0) {
    config.services = options.services.map((s) => ({
      name: s.name,
      port: s.port,
      ...(s.check ? { check: { id: `${s.name}-http`, name: `${s.name} HTTP`, http: `http://127.0.0.1:${s.port}${s.check.http}`, interval: `${s.check.intervalSeconds}s`, timeout: "2s" } } : {}),
      ...(s.connect ? { connect: { sidecar_service: {} } } : {}),
    }));
  }
  const settings: Record<string, NixExpr> = {
    "services.consul.enable": nix.bool(true),
    "services.consul.package": nix.ref("pkgs.consul"),
    "services.consul.leaveOnStop": nix.bool(!options.server),
    "services.consul.extraConfig": nix.value(config),
  };
  options.services
    .filter((s) => s.connect)
    .forEach((s, i) => {
      settings[`systemd.services.consul-sidecar-${s.name}`] = nix.attrs({
        description: nix.str(`Envoy sidecar of ${s.name} in the Consul Connect mesh`),
        wantedBy: nix.list([nix.str("multi-user.target")]),
        after: nix.list([nix.str("consul.service")]),
        requires: nix.list([nix.str("consul.service")]),
        path: nix.list([nix.ref("pkgs.consul"), nix.ref("pkgs.envoy")]),
        script: nix.str(`exec consul connect envoy -sidecar-for ${s.name} -admin-bind 127.0.0.1:${ENVOY_ADMIN_PORT + i}`),
        serviceConfig: nix.attrs({ DynamicUser: nix.bool(true), Restart: nix.str("always"), RestartSec: nix.num(5) }),
      });
    });
  return { title: `Consul ${options.server ? "server" : "client"} (joins by EC2 tag ${options.join.tagKey}=${options.join.tagValue})`, options: settings, unfree: ["consul"] };
}
