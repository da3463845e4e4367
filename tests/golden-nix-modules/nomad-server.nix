    # noros module: Nomad server (joins by EC2 tag noros:cluster=demo)
    {
      services.nomad.enable = true;
      services.nomad.package = pkgs.nomad;
      services.nomad.enableDocker = false;
      services.nomad.dropPrivileges = true;
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
        server = {
          enabled = true;
          bootstrap_expect = 3;
          server_join = {
            retry_join = [ "provider=aws tag_key=noros:cluster tag_value=demo" ];
          };
        };
      };
      networking.firewall.allowedTCPPorts = [ 4646 4647 4648 ];
      networking.firewall.allowedUDPPorts = [ 4648 ];
    }
