import type { ModuleOptions } from "../../../dsl/schemas/nixos/index.js";
import { nix } from "../ast.js";
import type { LoweredModule } from "./context.js";

/**
 * services.dnsmasq as the host's resolver on 127.0.0.1: names under the Consul domain go to the local
 * agent (`server=/consul/127.0.0.1#8600`), everything else to the VPC's resolver.
 */
export function lowerDnsmasq(options: ModuleOptions<"dnsmasq">): LoweredModule {
  return {
    title: `dnsmasq: .${options.consulDomain} to Consul`,
    options: {
      "services.dnsmasq.enable": nix.bool(true),
      "services.dnsmasq.resolveLocalQueries": nix.bool(true),
      "services.dnsmasq.settings": nix.value({
        server: [`/${options.consulDomain}/127.0.0.1#${options.consulPort}`, options.upstream],
        // The upstreams are exactly the ones above: never /etc/resolv.conf, which points back at dnsmasq.
        "no-resolv": true,
        "listen-address": ["127.0.0.1"],
        "bind-interfaces": true,
        "cache-size": 1000,
      }),
    },
  };
}
