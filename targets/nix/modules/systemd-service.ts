import type { ModuleOptions } from "../../../dsl/schemas/nixos/index.js";
import { nix, type NixExpr } from "../ast.js";
import type { LoweredModule } from "./context.js";
import { systemUser } from "./users.js";

/**
 * The author's script as `systemd.services.<name>`, run as its own system user (created here, with a
 * group of the same name) in a hardened sandbox: its only writable place is its state directory
 * /var/lib/<name>, it gains no privileges, sees no home directories and has its own /tmp.
 */
export function lowerSystemdService(options: ModuleOptions<"systemd-service">): LoweredModule {
  const user = options.user ?? options.name;
  const env = Object.entries(options.environment).sort(([a], [b]) => (a < b ? -1 : 1));
  const privileged = options.ports.some((p) => p.port < 1024);
  const serviceConfig: Record<string, NixExpr> = {
    User: nix.str(user),
    Group: nix.str(user),
    Restart: nix.str(options.restart),
    RestartSec: nix.num(5),
    StateDirectory: nix.str(options.name),
    WorkingDirectory: nix.str(`/var/lib/${options.name}`),
    NoNewPrivileges: nix.bool(true),
    ProtectSystem: nix.str("strict"),
    ProtectHome: nix.bool(true),
    PrivateTmp: nix.bool(true),
    ProtectKernelTunables: nix.bool(true),
    ProtectKernelModules: nix.bool(true),
    ProtectControlGroups: nix.bool(true),
    RestrictSUIDSGID: nix.bool(true),
  };
  // A port below 1024 needs this one capability, not root.
  if (privileged) serviceConfig.AmbientCapabilities = nix.list([nix.str("CAP_NET_BIND_SERVICE")]);
  const unit: Record<string, NixExpr> = {
    description: nix.str(options.description),
    wantedBy: nix.list([nix.str("multi-user.target")]),
    wants: nix.list([nix.str("network-online.target")]),
    after: nix.list(["network-online.target", ...options.after.map((a) => `${a}.service`)].map((a) => nix.str(a))),
    path: nix.list(options.packages.map((p) => nix.ref(`pkgs.${p}`))),
    script: nix.multiline(options.script.endsWith("\n") ? options.script : `${options.script}\n`),
    serviceConfig: nix.attrs(serviceConfig),
  };
  if (env.length > 0) unit.environment = nix.set(env.map(([k, v]) => nix.attr([k], nix.str(v))));
  return {
    title: `${options.name}: ${options.description} (runs as user ${user})`,
    options: { ...systemUser(user, options.description), [`systemd.services.${options.name}`]: nix.attrs(unit) },
    unfree: options.unfree,
  };
}
