import type { ModuleOptions } from "../../../dsl/schemas/nixos/index.js";
import { nix } from "../ast.js";
import type { LoweredModule } from "./context.js";

/**
 * services.postgresql: each database owned by a role of the same name (ensureDBOwnership), TCP from
 * the network with SCRAM passwords only, peer authentication locally. It runs as the `postgres` user
 * the NixOS module creates. Passwords are never in the configuration: set them through Session Manager.
 */
export function lowerPostgresql(options: ModuleOptions<"postgresql">, networkCidr: string): LoweredModule {
  const from = options.from ?? networkCidr;
  return {
    title: "PostgreSQL",
    options: {
      "services.postgresql.enable": nix.bool(true),
      "services.postgresql.package": nix.ref(`pkgs.postgresql_${options.version}`),
      "services.postgresql.enableTCPIP": nix.bool(true),
      "services.postgresql.settings.port": nix.num(options.port),
      "services.postgresql.settings.password_encryption": nix.str("scram-sha-256"),
      "services.postgresql.ensureDatabases": nix.list(options.databases.map((d) => nix.str(d))),
      "services.postgresql.ensureUsers": nix.list(options.databases.map((d) => nix.attrs({ name: nix.str(d), ensureDBOwnership: nix.bool(true) }))),
      // Replaces the default file: local peer authentication, SCRAM over TCP from the network, nothing else.
      "services.postgresql.authentication": nix.apply(
        nix.ref("lib.mkForce"),
        nix.multiline(`local all all peer\nhost all all 127.0.0.1/32 scram-sha-256\nhost all all ${from} scram-sha-256\n`),
      ),
    },
  };
}
