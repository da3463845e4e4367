    # noros module: Docker and OCI containers
    {
      virtualisation.docker.enable = true;
      virtualisation.docker.autoPrune.enable = true;
      virtualisation.oci-containers.backend = "docker";
      virtualisation.oci-containers.containers = {
        consul = {
          image = "hashicorp/consul:1.20.1";
          cmd = [ "agent" "-server" "-bootstrap-expect=1" ];
          volumes = [ "consul-data:/consul/data" ];
          extraOptions = [ "--network=host" ];
        };
        web = {
          image = "nginx:1.27.3";
          environment = { MODE = "prod"; };
          ports = [ "8080:8080" "5353:5353/udp" ];
        };
      };
      networking.firewall.allowedTCPPorts = [ 8080 8500 ];
      networking.firewall.allowedUDPPorts = [ 5353 ];
    }
