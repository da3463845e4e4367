import type { Graph, GraphNode } from "../../compiler/graph.js";
import { cacheAuthArnVariable, cachesOnHost } from "../../compiler/util/host-cache.js";
import { nix, type NixExpr } from "./ast.js";

/** Where a cache's auth token is kept on its host: /run is a tmpfs, so it is never on disk or in the store. */
export const authTokenPath = (cache: string): string => `/run/noros/secrets/cache-${cache}`;

/**
 * The NixOS side of `cache(name, { on: { host } })`: a `services.redis.servers.<name>` server with
 * AUTH, listening on the cache's port on every interface (the security group and the firewall admit
 * only its declared clients' traffic), and a oneshot unit that fetches the auth token from Secrets
 * Manager at boot, with the host's role, before Redis starts. The token's ARN comes from
 * /etc/noros/environment (user data), so nothing secret, nor even the ARN, is in the configuration.
 */
export function cacheSettings(graph: Graph, host: GraphNode<"host">): Record<string, NixExpr> {
  const settings: Record<string, NixExpr> = {};
  for (const cache of cachesOnHost(graph, host.name)) {
    const n = cache.name;
    const unit = `noros-cache-${n}-auth`;
    const token = authTokenPath(n);
    settings[`services.redis.servers.${n}`] = nix.attrs({
      enable: nix.bool(true),
      port: nix.num(cache.props.port),
      // Every interface: clients are other hosts and tasks of the VPC; who may connect is the security group's call.
      bind: nix.null(),
      openFirewall: nix.bool(true),
      requirePassFile: nix.str(token),
    });
    settings[`systemd.services.${unit}`] = nix.attrs({
      description: nix.str(`Fetch the auth token of cache ${n} from Secrets Manager`),
      wants: nix.list([nix.str("network-online.target")]),
      after: nix.list([nix.str("network-online.target")]),
      path: nix.list([nix.ref("pkgs.awscli2"), nix.ref("pkgs.coreutils")]),
      serviceConfig: nix.attrs({
        Type: nix.str("oneshot"),
        RemainAfterExit: nix.bool(true),
        EnvironmentFile: nix.str("/etc/noros/environment"),
        // Secrets Manager may not be reachable in the first seconds of a boot.
        Restart: nix.str("on-failure"),
        RestartSec: nix.str("5s"),
      }),
      script: nix.multiline(
        [
          "set -euo pipefail",
          "umask 077",
          "install -d -m 0700 /run/noros/secrets",
          `aws secretsmanager get-secret-value --region ${graph.system.props.region} --secret-id "$${cacheAuthArnVariable(n)}" --query SecretString --output text > ${token}.tmp`,
          `mv ${token}.tmp ${token}`,
          "",
        ].join("\n"),
      ),
    });
    // Redis starts only with its token in place: its ExecStartPre (run as root) appends it from
    // requirePassFile to /run/redis-<name>/nixos.conf, a tmpfs too.
    settings[`systemd.services.redis-${n}`] = nix.attrs({
      requires: nix.list([nix.str(`${unit}.service`)]),
      after: nix.list([nix.str(`${unit}.service`)]),
    });
  }
  return settings;
}
