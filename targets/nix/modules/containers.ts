import type { ModuleOptions } from "../../../dsl/schemas/nixos/index.js";
import { nix, type NixExpr } from "../ast.js";
import type { LoweredModule } from "./context.js";

/**
 * Docker, and each container as a systemd service (`docker-<name>.service`) through
 * virtualisation.oci-containers: started at boot, restarted when it stops, its image pulled by tag.
 */
export function lowerContainers(options: ModuleOptions<"containers">): LoweredModule {
  const containers = options.containers.map((c) => {
    const settings: Record<string, NixExpr> = { image: nix.str(c.image) };
    if (c.cmd.length > 0) settings.cmd = nix.list(c.cmd.map((a) => nix.str(a)));
    const env = Object.entries(c.environment).sort(([a], [b]) => (a < b ? -1 : 1));
    if (env.length > 0) settings.environment = nix.set(env.map(([k, v]) => nix.attr([k], nix.str(v))));
    if (!c.hostNetwork && c.ports.length > 0) {
      settings.ports = nix.list(
        c.ports.map((p) => {
          const range = p.toPort === undefined || p.toPort === p.port ? `${p.port}` : `${p.port}-${p.toPort}`;
          return nix.str(`${range}:${range}${p.protocol === "udp" ? "/udp" : ""}`);
        }),
      );
    }
    if (c.volumes.length > 0) settings.volumes = nix.list(c.volumes.map((v) => nix.str(v)));
    if (c.hostNetwork) settings.extraOptions = nix.list([nix.str("--network=host")]);
    return nix.attr([c.name], nix.attrs(settings));
  });
  return {
    title: "Docker and OCI containers",
    options: {
      "virtualisation.docker.enable": nix.bool(true),
      // Old images and stopped containers are removed weekly, so the disk does not fill up.
      "virtualisation.docker.autoPrune.enable": nix.bool(true),
      "virtualisation.oci-containers.backend": nix.str("docker"),
      "virtualisation.oci-containers.containers": nix.set(containers),
    },
  };
}
