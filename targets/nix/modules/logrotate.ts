import type { ModuleOptions } from "../../../dsl/schemas/nixos/index.js";
import { nix, type NixBinding, type NixExpr } from "../ast.js";
import type { LoweredModule } from "./context.js";

/**
 * services.logrotate: each rule rotates daily and keeps `keepDays` rotated files (compressed only when
 * asked); copytruncate, so programs that keep their log open need no signal. With journalDays, the
 * journal is held to the same limit.
 */
export function lowerLogrotate(options: ModuleOptions<"logrotate">): LoweredModule {
  const rules: NixBinding[] = options.rules.map((r) =>
    nix.attr(
      [r.name],
      nix.attrs({
        files: nix.list(r.files.map((f) => nix.str(f))),
        frequency: nix.str("daily"),
        rotate: nix.num(r.keepDays),
        compress: nix.bool(r.compress),
        missingok: nix.bool(true),
        notifempty: nix.bool(true),
        copytruncate: nix.bool(true),
      }),
    ),
  );
  const settings: Record<string, NixExpr> = {
    "services.logrotate.enable": nix.bool(true),
    "services.logrotate.settings": nix.set(rules),
  };
  if (options.journalDays !== undefined) settings["services.journald.extraConfig"] = nix.str(`MaxRetentionSec=${options.journalDays}day`);
  return { title: "logrotate", options: settings };
}
