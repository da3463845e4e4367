import type { ModuleOptions } from "../../../dsl/schemas/nixos/index.js";
import { nix, type NixBinding } from "../ast.js";
import type { LoweredModule } from "./context.js";

/**
 * services.fail2ban: addresses that keep failing are banned through the NixOS firewall, repeat
 * offenders for longer each time; the host's own network is never banned. Each jail reads a unit's
 * journal with its own filter (written to filter.d by the NixOS module).
 */
export function lowerFail2ban(options: ModuleOptions<"fail2ban">, networkCidr: string): LoweredModule {
  const jails: NixBinding[] = options.jails.map((j) => {
    const [first, ...rest] = j.failRegex;
    // fail2ban's ini format continues a value on lines that start with white space.
    const failregex = [first, ...rest.map((r) => `  ${r}`)].join("\n");
    return nix.attr(
      [j.name],
      nix.attrs({
        enabled: nix.bool(true),
        filter: nix.attrs({ Definition: nix.value({ failregex, journalmatch: `_SYSTEMD_UNIT=${j.unit}.service` }) }),
        settings: nix.value({ backend: "systemd", port: String(j.port), protocol: j.protocol, maxretry: j.maxRetry, findtime: j.findTime }),
      }),
    );
  });
  return {
    title: "fail2ban",
    options: {
      "services.fail2ban.enable": nix.bool(true),
      "services.fail2ban.maxretry": nix.num(options.maxRetry),
      "services.fail2ban.bantime": nix.str(options.banTime),
      "services.fail2ban.bantime-increment.enable": nix.bool(true),
      "services.fail2ban.ignoreIP": nix.list([networkCidr, ...options.ignore].map((c) => nix.str(c))),
      ...(jails.length > 0 ? { "services.fail2ban.jails": nix.set(jails) } : {}),
    },
  };
}
