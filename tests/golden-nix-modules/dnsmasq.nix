    # noros module: dnsmasq: .consul to Consul
    {
      services.dnsmasq.enable = true;
      services.dnsmasq.resolveLocalQueries = true;
      services.dnsmasq.settings = {
        server = [ "/consul/127.0.0.1#8600" "169.254.169.253" ];
        no-resolv = true;
        listen-address = [ "127.0.0.1" ];
        bind-interfaces = true;
        cache-size = 1000;
      };
    }
