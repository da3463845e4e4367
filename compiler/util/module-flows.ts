import type { NixosModuleProps } from "../../dsl/schemas/nixos/index.js";

/**
 * The network flows a host's NixOS modules need, in one place because two targets must agree on them:
 * the Nix target opens each ingress port in the NixOS firewall, the Terraform target adds the same
 * rule to the host's security group (and the egress rules its peers' ports need, since a host's group
 * lets only HTTPS out by default).
 */
export interface ModuleFlow {
  readonly direction: "ingress" | "egress";
  readonly port: number;
  readonly toPort: number;
  readonly protocol: "tcp" | "udp";
  /** The peer's address range: who may connect (ingress) or where the host connects to (egress). */
  readonly cidr: string;
  readonly description: string;
  /** What it is for: the module kind, or the service or container it belongs to (names the rule). */
  readonly module: string;
}

/** Consul Connect's default range of sidecar proxy ports (Consul's ports.sidecar_min_port..sidecar_max_port). */
export const CONNECT_SIDECAR_PORTS = { from: 21000, to: 21255 } as const;
/** The address Envoy sidecars serve Prometheus metrics on (proxy-defaults envoy_prometheus_bind_addr). */
export const ENVOY_METRICS_PORT = 9102;
/** Nomad's default range of dynamic ports for allocations (client.min_dynamic_port..max_dynamic_port). */
export const NOMAD_DYNAMIC_PORTS = { from: 20000, to: 32000 } as const;

type Protocol = "tcp" | "udp";

function flow(direction: ModuleFlow["direction"], module: string, cidr: string, port: number, description: string, protocol: Protocol = "tcp", toPort = port): ModuleFlow {
  return { direction, module, cidr, port, toPort, protocol, description };
}

const isLoopback = (host: string) => host === "localhost" || host.startsWith("127.");

/** The port of an http(s) URL that is not on this host, for the egress rule reaching it. */
function remotePort(url: string): number | undefined {
  const parsed = new URL(url);
  if (isLoopback(parsed.hostname)) return undefined;
  return parsed.port === "" ? (parsed.protocol === "https:" ? 443 : 80) : Number(parsed.port);
}

function flowsOf(m: NixosModuleProps, vpc: string): ModuleFlow[] {
  const both = (module: string, port: number, description: string): ModuleFlow[] => [flow("ingress", module, vpc, port, description), flow("egress", module, vpc, port, description)];
  switch (m.module) {
    case "nginx":
      return m.options.virtualHosts.flatMap((v) => [
        flow("ingress", "nginx", v.from ?? vpc, v.port, `nginx ${v.serverName}`),
        ...v.locations.flatMap((l) => {
          const port = l.proxyPass === undefined ? undefined : remotePort(l.proxyPass);
          return port === undefined || port === 443 ? [] : [flow("egress", "nginx", vpc, port, `nginx ${v.serverName} upstream`)];
        }),
      ]);
    case "postgresql":
      return [flow("ingress", "postgresql", m.options.from ?? vpc, m.options.port, "PostgreSQL")];
    case "containers":
      return m.options.containers.flatMap((c) => c.ports.map((p) => flow("ingress", c.name, p.from ?? vpc, p.port, p.description ?? `container ${c.name}`, p.protocol, p.toPort ?? p.port)));
    case "systemd-service":
      return m.options.ports.map((p) => flow("ingress", m.options.name, p.from ?? vpc, p.port, p.description ?? m.options.name, p.protocol, p.toPort ?? p.port));
    case "consul": {
      const o = m.options;
      const flows = [
        // Every agent: LAN gossip (TCP and UDP) with every other; the HTTP API (Prometheus scrapes it).
        ...both("consul", 8301, "Consul LAN gossip"),
        flow("ingress", "consul", vpc, 8301, "Consul LAN gossip", "udp"),
        flow("egress", "consul", vpc, 8301, "Consul LAN gossip", "udp"),
        flow("ingress", "consul", vpc, 8500, "Consul HTTP API"),
        // Agents reach the servers' RPC port; servers also talk to each other on it.
        flow("egress", "consul", vpc, 8300, "Consul server RPC"),
        ...(o.server ? [flow("ingress", "consul", vpc, 8300, "Consul server RPC")] : []),
      ];
      if (o.connect) {
        const { from, to } = CONNECT_SIDECAR_PORTS;
        flows.push(
          flow("ingress", "consul", vpc, from, "Consul Connect sidecars (mesh)", "tcp", to),
          flow("egress", "consul", vpc, from, "Consul Connect sidecars (mesh)", "tcp", to),
          flow("ingress", "consul", vpc, ENVOY_METRICS_PORT, "Envoy metrics"),
        );
      }
      return flows;
    }
    case "nomad": {
      const o = m.options;
      const flows = [
        flow("ingress", "nomad", vpc, 4646, "Nomad HTTP API"),
        flow("egress", "nomad", vpc, 4646, "Nomad HTTP API"),
        // Clients and servers reach the servers' RPC port.
        flow("egress", "nomad", vpc, 4647, "Nomad RPC"),
      ];
      if (o.server) {
        flows.push(
          flow("ingress", "nomad", vpc, 4647, "Nomad RPC"),
          ...both("nomad", 4648, "Nomad server gossip"),
          flow("ingress", "nomad", vpc, 4648, "Nomad server gossip", "udp"),
          flow("egress", "nomad", vpc, 4648, "Nomad server gossip", "udp"),
        );
      }
      if (o.client) {
        const { from, to } = NOMAD_DYNAMIC_PORTS;
        flows.push(
          flow("ingress", "nomad", vpc, from, "Nomad allocations' dynamic ports", "tcp", to),
          flow("egress", "nomad", vpc, from, "Nomad allocations' dynamic ports", "tcp", to),
          flow("ingress", "nomad", vpc, from, "Nomad allocations' dynamic ports", "udp", to),
        );
      }
      return flows;
    }
    case "prometheus":
      return [
        flow("ingress", "prometheus", m.options.from ?? vpc, m.options.port, "Prometheus"),
        ...m.options.scrape.map((s) => flow("egress", "prometheus", vpc, s.port, `Prometheus scrapes ${s.job}`)),
      ];
    case "grafana": {
      const upstream = remotePort(m.options.prometheusUrl);
      return [flow("ingress", "grafana", m.options.from ?? vpc, m.options.port, "Grafana"), ...(upstream === undefined ? [] : [flow("egress", "grafana", vpc, upstream, "Grafana reads Prometheus")])];
    }
    case "dnsmasq":
    case "fail2ban":
    case "logrotate":
    case "firecracker":
    case "log-pipeline":
      // Local only, or out through HTTPS (CloudWatch Logs), which every host may already reach.
      return [];
  }
}

/**
 * Every flow of a host's modules, each once (two modules asking for the same port and peer share one
 * rule), in a stable order: by direction, protocol, port, range end, peer.
 */
export function moduleFlows(modules: readonly NixosModuleProps[], networkCidr: string): ModuleFlow[] {
  const seen = new Map<string, ModuleFlow>();
  for (const m of modules) {
    for (const f of flowsOf(m, networkCidr)) {
      const key = `${f.direction}|${f.protocol}|${f.port}|${f.toPort}|${f.cidr}`;
      if (!seen.has(key)) seen.set(key, f);
    }
  }
  const order = (f: ModuleFlow) => [f.direction, f.protocol, String(f.port).padStart(5, "0"), String(f.toPort).padStart(5, "0"), f.cidr].join("|");
  return [...seen.values()].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

/** The EC2 tags a host carries so that its cluster's agents find it (Consul's and Nomad's retry_join). */
export function moduleTags(modules: readonly NixosModuleProps[]): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const m of modules) {
    if (m.module === "consul" || m.module === "nomad") tags[m.options.join.tagKey] = m.options.join.tagValue;
  }
  return tags;
}

/** The go-discover address Consul and Nomad join by: every instance carrying that tag, in this region. */
export function retryJoinAddress(join: { readonly tagKey: string; readonly tagValue: string }): string {
  return `provider=aws tag_key=${join.tagKey} tag_value=${join.tagValue}`;
}
