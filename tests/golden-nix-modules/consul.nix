    # noros module: Consul server (joins by EC2 tag noros:cluster=demo)
    {
      services.consul.enable = true;
      services.consul.package = pkgs.consul;
      services.consul.leaveOnStop = false;
      services.consul.extraConfig = {
        datacenter = "dc1";
        server = true;
        bind_addr = "{{ GetPrivateIP }}";
        client_addr = "127.0.0.1";
        addresses = { http = "127.0.0.1 {{ GetPrivateIP }}"; };
        retry_join = [ "provider=aws tag_key=noros:cluster tag_value=demo" ];
        telemetry = {
          prometheus_retention_time = "60s";
          disable_hostname = true;
        };
        ui_config = { enabled = false; };
        bootstrap_expect = 3;
        performance = { raft_multiplier = 1; };
        connect = { enabled = true; };
        ports = { grpc = 8502; };
        config_entries = {
          bootstrap = [
            {
              kind = "proxy-defaults";
              name = "global";
              config = { envoy_prometheus_bind_addr = "0.0.0.0:9102"; };
            }
          ];
        };
        services = [
          {
            name = "web";
            port = 8080;
            check = {
              id = "web-http";
              name = "web HTTP";
              http = "http://127.0.0.1:8080/health";
              interval = "10s";
              timeout = "2s";
            };
            connect = { sidecar_service = { }; };
          }
        ];
      };
      systemd.services.consul-sidecar-web = {
        description = "Envoy sidecar of web in the Consul Connect mesh";
        wantedBy = [ "multi-user.target" ];
        after = [ "consul.service" ];
        requires = [ "consul.service" ];
        path = [ pkgs.consul pkgs.envoy ];
        script = "exec consul connect envoy -sidecar-for web -admin-bind 127.0.0.1:19000";
        serviceConfig = {
          DynamicUser = true;
          Restart = "always";
          RestartSec = 5;
        };
      };
      networking.firewall.allowedTCPPorts = [ 8300 8301 8500 9102 ];
      networking.firewall.allowedTCPPortRanges = [
        {
          from = 21000;
          to = 21255;
        }
      ];
      networking.firewall.allowedUDPPorts = [ 8301 ];
    }
