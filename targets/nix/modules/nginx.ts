import type { ModuleOptions } from "../../../dsl/schemas/nixos/index.js";
import { nix, type NixBinding, type NixExpr } from "../ast.js";
import type { LoweredModule } from "./context.js";

type Location = ModuleOptions<"nginx">["virtualHosts"][number]["locations"][number];

/** nginx's `expires` duration in seconds, for the matching Cache-Control max-age. */
const seconds: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800, M: 2592000, y: 31536000 };
function maxAgeSeconds(duration: string): number {
  const [, amount = "0", unit = "s"] = /^(\d+)(ms|s|m|h|d|w|M|y)$/.exec(duration) ?? [];
  return Math.floor(Number(amount) * (seconds[unit] ?? 1));
}

function location(l: Location): NixExpr {
  const options: Record<string, NixExpr> = {};
  if (l.proxyPass !== undefined) options.proxyPass = nix.str(l.proxyPass);
  if (l.root !== undefined) options.root = nix.str(l.root);
  if (l.websockets) options.proxyWebsockets = nix.bool(true);
  if (l.cache !== undefined) {
    const control = `public, max-age=${maxAgeSeconds(l.cache.maxAge)}${l.cache.immutable ? ", immutable" : ""}`;
    // `always` keeps the header on 304 answers too; static assets need no access log line each.
    options.extraConfig = nix.multiline(`expires ${l.cache.maxAge};\nadd_header Cache-Control "${control}" always;\naccess_log off;\n`);
  }
  return nix.attrs(options);
}

/**
 * services.nginx with the recommended proxy, gzip and optimisation settings, one virtual host per
 * server name; nginx runs as its own `nginx` user (the NixOS module creates it).
 */
export function lowerNginx(options: ModuleOptions<"nginx">): LoweredModule {
  const virtualHosts: NixBinding[] = options.virtualHosts.map((v) =>
    nix.attr(
      [v.serverName],
      nix.attrs({
        default: nix.bool(v.default),
        listen: nix.list([nix.attrs({ addr: nix.str("0.0.0.0"), port: nix.num(v.port) })]),
        locations: nix.set(v.locations.map((l) => nix.attr([l.path], location(l)))),
      }),
    ),
  );
  return {
    title: "nginx: virtual hosts and reverse proxy",
    options: {
      "services.nginx.enable": nix.bool(true),
      "services.nginx.recommendedProxySettings": nix.bool(true),
      "services.nginx.recommendedGzipSettings": nix.bool(true),
      "services.nginx.recommendedOptimisation": nix.bool(true),
      // No version in error pages and headers.
      "services.nginx.serverTokens": nix.bool(false),
      "services.nginx.virtualHosts": nix.set(virtualHosts),
    },
  };
}
