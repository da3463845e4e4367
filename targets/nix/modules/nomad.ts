import { retryJoinAddress } from "../../../compiler/util/module-flows.js";
import type { ModuleOptions } from "../../../dsl/schemas/nixos/index.js";
import { nix, type NixExpr } from "../ast.js";
import type { LoweredModule } from "./context.js";

/**
 * services.nomad: servers join each other and clients find the servers by EC2 tags; both register in
 * the local Consul agent (Nomad's own health checks) and use it for Connect, whose sidecars need the
 * CNI plugins on clients. Servers drop privileges (a dynamic user); clients run as root because they
 * start containers and microVMs.
 */
export function lowerNomad(options: ModuleOptions<"nomad">): LoweredModule {
  const join = nix.attrs({ retry_join: nix.list([nix.str(retryJoinAddress(options.join))]) });
  const settings: Record<string, NixExpr> = {
    datacenter: nix.str(options.datacenter),
    bind_addr: nix.str("{{ GetPrivateIP }}"),
    consul: nix.attrs({ address: nix.str("127.0.0.1:8500"), grpc_address: nix.str("127.0.0.1:8502") }),
    telemetry: nix.attrs({
      prometheus_metrics: nix.bool(true),
      publish_allocation_metrics: nix.bool(true),
      publish_node_metrics: nix.bool(true),
      collection_interval: nix.str("10s"),
    }),
  };
  if (options.server) settings.server = nix.attrs({ enabled: nix.bool(true), bootstrap_expect: nix.num(options.bootstrapExpect ?? 1), server_join: join });
  if (options.client) {
    settings.client = nix.attrs({
      enabled: nix.bool(true),
      server_join: join,
      cni_path: nix.interpolated([nix.ref("pkgs.cni-plugins"), "/bin"]),
    });
  }
  const module: Record<string, NixExpr> = {
    "services.nomad.enable": nix.bool(true),
    "services.nomad.package": nix.ref("pkgs.nomad"),
    // Only clients run jobs; a server alone needs no Docker daemon.
    "services.nomad.enableDocker": nix.bool(options.docker && options.client),
    "services.nomad.dropPrivileges": nix.bool(!options.client),
    "services.nomad.settings": nix.attrs(settings),
  };
  if (options.client) module["services.nomad.extraPackages"] = nix.list([nix.ref("pkgs.cni-plugins")]);
  const role = [options.server ? "server" : "", options.client ? "client" : ""].filter(Boolean).join(" and ");
  return { title: `Nomad ${role || "agent"} (joins by EC2 tag ${options.join.tagKey}=${options.join.tagValue})`, options: module, unfree: ["nomad"] };
}
