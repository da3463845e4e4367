import type { ModuleOptions } from "../../../dsl/schemas/nixos/index.js";
import { nix } from "../ast.js";
import type { LoweredModule } from "./context.js";

const DATA_DIR = "/var/lib/grafana";

/**
 * services.grafana with Prometheus provisioned as its default data source. The admin password and the
 * secret key are read from files Grafana's own user generates in its data directory at first start
 * (`$__file{...}`), so neither is in the configuration, the Nix store or Terraform state; read the
 * password through Session Manager.
 */
export function lowerGrafana(options: ModuleOptions<"grafana">): LoweredModule {
  return {
    title: "Grafana with a provisioned Prometheus data source",
    options: {
      "services.grafana.enable": nix.bool(true),
      "services.grafana.settings": nix.value({
        server: { http_addr: "0.0.0.0", http_port: options.port },
        security: {
          admin_user: "admin",
          admin_password: `$__file{${DATA_DIR}/admin-password}`,
          secret_key: `$__file{${DATA_DIR}/secret-key}`,
          cookie_secure: false,
          disable_gravatar: true,
        },
        analytics: { reporting_enabled: false, check_for_updates: false },
        users: { allow_sign_up: false },
      }),
      "services.grafana.provision.enable": nix.bool(true),
      "services.grafana.provision.datasources.settings": nix.value({
        apiVersion: 1,
        datasources: [{ name: "Prometheus", type: "prometheus", access: "proxy", url: options.prometheusUrl, isDefault: true }],
      }),
      "systemd.services.grafana.preStart": nix.apply(
        nix.ref("lib.mkBefore"),
        nix.multiline(`umask 077\nfor secret in admin-password secret-key; do\n  if [ ! -s ${DATA_DIR}/$secret ]; then\n    head -c 32 /dev/urandom | base64 > ${DATA_DIR}/$secret\n  fi\ndone\n`),
      ),
    },
  };
}
