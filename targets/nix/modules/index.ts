import { moduleFlows } from "../../../compiler/util/module-flows.js";
import type { NixosModuleProps } from "../../../dsl/schemas/nixos/index.js";
import { nix, type NixExpr } from "../ast.js";
import { lowerConsul } from "./consul.js";
import { lowerContainers } from "./containers.js";
import type { LoweredModule, ModuleContext } from "./context.js";
import { lowerDnsmasq } from "./dnsmasq.js";
import { lowerFail2ban } from "./fail2ban.js";
import { lowerFirecracker } from "./firecracker.js";
import { lowerGrafana } from "./grafana.js";
import { lowerLogPipeline } from "./log-pipeline.js";
import { lowerLogrotate } from "./logrotate.js";
import { lowerNginx } from "./nginx.js";
import { lowerNomad } from "./nomad.js";
import { lowerPostgresql } from "./postgresql.js";
import { lowerPrometheus } from "./prometheus.js";
import { lowerSystemdService } from "./systemd-service.js";

function lowerOne(m: NixosModuleProps, context: ModuleContext): LoweredModule {
  switch (m.module) {
    case "nginx":
      return lowerNginx(m.options);
    case "postgresql":
      return lowerPostgresql(m.options, context.networkCidr);
    case "containers":
      return lowerContainers(m.options);
    case "consul":
      return lowerConsul(m.options);
    case "nomad":
      return lowerNomad(m.options);
    case "dnsmasq":
      return lowerDnsmasq(m.options);
    case "prometheus":
      return lowerPrometheus(m.options);
    case "grafana":
      return lowerGrafana(m.options);
    case "fail2ban":
      return lowerFail2ban(m.options, context.networkCidr);
    case "logrotate":
      return lowerLogrotate(m.options);
    case "systemd-service":
      return lowerSystemdService(m.options);
    case "firecracker":
      return lowerFirecracker(m.options, context.host.props.instanceType);
    case "log-pipeline":
      return lowerLogPipeline(m.options, { region: context.region, systemName: context.graph.system.name });
  }
}

/** The NixOS firewall options opening a module's own inbound ports: the same rules its security group gets. */
function firewallOf(m: NixosModuleProps, networkCidr: string): Record<string, NixExpr> {
  const ingress = moduleFlows([m], networkCidr).filter((f) => f.direction === "ingress");
  const out: Record<string, NixExpr> = {};
  for (const protocol of ["tcp", "udp"] as const) {
    const upper = protocol.toUpperCase();
    const flows = ingress.filter((f) => f.protocol === protocol);
    const ports = [...new Set(flows.filter((f) => f.port === f.toPort).map((f) => f.port))];
    const ranges = [...new Map(flows.filter((f) => f.port !== f.toPort).map((f) => [`${f.port}-${f.toPort}`, f])).values()];
    if (ports.length > 0) out[`networking.firewall.allowed${upper}Ports`] = nix.list(ports.map((p) => nix.num(p)));
    if (ranges.length > 0) out[`networking.firewall.allowed${upper}PortRanges`] = nix.list(ranges.map((r) => nix.attrs({ from: nix.num(r.port), to: nix.num(r.toPort) })));
  }
  return out;
}

export interface LoweredModules {
  /** Each module's own part, to import into the host's configuration. */
  readonly parts: readonly NixExpr[];
  /** Every unfree package the modules need, sorted, once each. */
  readonly unfree: readonly string[];
}

/** A host's modules, each as its own commented NixOS module with its firewall ports. */
export function lowerModules(modules: readonly NixosModuleProps[], context: ModuleContext): LoweredModules {
  const unfree = new Set<string>();
  const parts = modules.map((m) => {
    const lowered = lowerOne(m, context);
    for (const name of lowered.unfree ?? []) unfree.add(name);
    return nix.comment(`noros module: ${lowered.title}`, nix.attrs({ ...lowered.options, ...firewallOf(m, context.networkCidr) }));
  });
  return { parts, unfree: [...unfree].sort() };
}
