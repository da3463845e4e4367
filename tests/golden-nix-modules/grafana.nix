    # noros module: Grafana with a provisioned Prometheus data source
    {
      services.grafana.enable = true;
      services.grafana.settings = {
        server = {
          http_addr = "0.0.0.0";
          http_port = 3000;
        };
        security = {
          admin_user = "admin";
          admin_password = "$__file{/var/lib/grafana/admin-password}";
          secret_key = "$__file{/var/lib/grafana/secret-key}";
          cookie_secure = false;
          disable_gravatar = true;
        };
        analytics = {
          reporting_enabled = false;
          check_for_updates = false;
        };
        users = { allow_sign_up = false; };
      };
      services.grafana.provision.enable = true;
      services.grafana.provision.datasources.settings = {
        apiVersion = 1;
        datasources = [
          {
            name = "Prometheus";
            type = "prometheus";
            access = "proxy";
            url = "http://10.0.1.5:9090";
            isDefault = true;
          }
        ];
      };
      systemd.services.grafana.preStart = lib.mkBefore ''
        umask 077
        for secret in admin-password secret-key; do
          if [ ! -s /var/lib/grafana/$secret ]; then
            head -c 32 /dev/urandom | base64 > /var/lib/grafana/$secret
          fi
        done
      '';
      networking.firewall.allowedTCPPorts = [ 3000 ];
    }
