    # noros module: Nomad client (joins by EC2 tag noros:cluster=demo)
    {
      services.nomad.enable = true;
      services.nomad.package = pkgs.nomad;
      services.nomad.enableDocker = true;
      services.nomad.dropPrivileges = false;
      services.nomad.settings = {
        datacenter = "dc1";
        bind_addr = "{{ GetPrivateIP }}";
        consul = {
          address = "127.0.0.1:8500";
          grpc_address = "127.0.0.1:8502";
        };
        telemetry = {
          prometheus_metrics = true;
          publish_allocation_metrics = true;
          publish_node_metrics = true;
          collection_interval = "10s";
        };
        client = {
          enabled = true;
          server_join = {
            retry_join = [ "provider=aws tag_key=noros:cluster tag_value=demo" ];
          };
          cni_path = "${pkgs.cni-plugins}/bin";
        };
      };
      services.nomad.extraPackages = [ pkgs.cni-plugins ];
      networking.firewall.allowedTCPPorts = [ 4646 ];
      networking.firewall.allowedTCPPortRanges = [
        {
          from = 20000;
          to = 32000;
        }
      ];
      networking.firewall.allowedUDPPortRanges = [
        {
          from = 20000;
          to = 32000;
        }
      ];
    }
