/**
 * NixOS modules for hosts: `host("web", { modules: [nginx({...}), fail2ban({...})] })`. Each constructor
 * returns plain data; the compiler checks it against its schema (dsl/schemas/nixos/) and lowers it to
 * the real NixOS options of the system's pinned nixpkgs, opening the module's own ports in the host's
 * firewall and security group.
 */
import type { ConsulInput } from "./schemas/nixos/consul.js";
import type { ContainersInput } from "./schemas/nixos/containers.js";
import type { DnsmasqInput } from "./schemas/nixos/dnsmasq.js";
import type { Fail2banInput } from "./schemas/nixos/fail2ban.js";
import type { FirecrackerInput } from "./schemas/nixos/firecracker.js";
import type { GrafanaInput } from "./schemas/nixos/grafana.js";
import type { LogPipelineInput } from "./schemas/nixos/log-pipeline.js";
import type { LogrotateInput } from "./schemas/nixos/logrotate.js";
import type { NginxInput } from "./schemas/nixos/nginx.js";
import type { NomadInput } from "./schemas/nixos/nomad.js";
import type { PostgresqlInput } from "./schemas/nixos/postgresql.js";
import type { PrometheusInput } from "./schemas/nixos/prometheus.js";
import type { SystemdServiceInput } from "./schemas/nixos/systemd-service.js";

/** A module as a host holds it: its kind and its options, exactly as written. */
export interface NixosModule<K extends string = string, O = unknown> {
  readonly module: K;
  readonly options: O;
}

const nixosModule = <K extends string, O>(kind: K, options: O): NixosModule<K, O> => Object.freeze({ module: kind, options });

/** nginx: virtual hosts, reverse proxy locations, cache and expiry headers for static assets. */
export const nginx = (options: NginxInput) => nixosModule("nginx", options);
/** PostgreSQL: databases with owner roles, TCP from the network with SCRAM. */
export const postgresql = (options: PostgresqlInput) => nixosModule("postgresql", options);
/** Docker with OCI containers run as systemd services. */
export const containers = (options: ContainersInput) => nixosModule("containers", options);
/** A Consul agent (server or client) joined by EC2 tags, with Connect. */
export const consul = (options: ConsulInput) => nixosModule("consul", options);
/** A Nomad agent (server and/or client) joined by EC2 tags, using the local Consul. */
export const nomad = (options: NomadInput) => nixosModule("nomad", options);
/** dnsmasq forwarding `.consul` to the local Consul agent. */
export const dnsmasq = (options: DnsmasqInput = {}) => nixosModule("dnsmasq", options);
/** Prometheus scraping targets found in Consul. */
export const prometheus = (options: PrometheusInput) => nixosModule("prometheus", options);
/** Grafana with a provisioned Prometheus data source. */
export const grafana = (options: GrafanaInput = {}) => nixosModule("grafana", options);
/** fail2ban with jails on services' journals. */
export const fail2ban = (options: Fail2banInput = {}) => nixosModule("fail2ban", options);
/** logrotate: daily rotation, kept N days, optionally compressed. */
export const logrotate = (options: LogrotateInput) => nixosModule("logrotate", options);
/** The author's program as a systemd service under its own user, with its own ports. */
export const systemdService = (options: SystemdServiceInput) => nixosModule("systemd-service", options);
/** KVM, hyperthreading off and CNI plugins: a Firecracker host. */
export const firecracker = (options: FirecrackerInput = {}) => nixosModule("firecracker", options);
/** A typed log pipeline shipped by Vector to CloudWatch Logs. */
export const logPipeline = (options: LogPipelineInput) => nixosModule("log-pipeline", options);
