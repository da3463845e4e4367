import { z } from "zod";
import { ModulePort, PackageName, UnitName, UnixName } from "./common.js";

/**
 * A long-running program of the author's as a systemd service under its own system user, with its own
 * state directory, a hardened sandbox, and its own ports (firewall and security group rules).
 */
export const SystemdServiceSchema = z.strictObject({
  /** The unit's name; also its user's and group's unless `user` is given. */
  name: UnixName,
  description: z.string().min(1).max(200),
  /** The service's user: created as a system user with a group of the same name. */
  user: UnixName.optional(),
  /** The shell script systemd runs (bash, with `set -e`); `$STATE_DIRECTORY` is its writable directory. */
  script: z.string().min(1),
  /** nixpkgs packages on the script's PATH. */
  packages: z.array(PackageName).default([]),
  /** Environment variables (plain values; never secrets: they end up in the Nix store). */
  environment: z.record(z.string().regex(/^[A-Z_][A-Z0-9_]*$/), z.string()).default({}),
  ports: z.array(ModulePort).default([]),
  /** Units to start after (network-online.target always). */
  after: z.array(UnitName).default([]),
  /** Restart when the program exits with an error. */
  restart: z.enum(["always", "on-failure", "no"]).default("on-failure"),
  /** Packages run through steam-run's FHS environment need the binary in it: allow what nixpkgs marks unfree. */
  unfree: z.array(PackageName).default([]),
});

export type SystemdServiceInput = z.input<typeof SystemdServiceSchema>;
export type SystemdServiceProps = z.output<typeof SystemdServiceSchema>;
