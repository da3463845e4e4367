    # noros module: Prometheus
    {
      services.prometheus.enable = true;
      services.prometheus.port = 9090;
      services.prometheus.retentionTime = "15d";
      services.prometheus.scrapeConfigs = [
        {
          job_name = "consul";
          metrics_path = "/v1/agent/metrics";
          scrape_interval = "15s";
          consul_sd_configs = [
            {
              server = "127.0.0.1:8500";
              services = [ "consul" ];
            }
          ];
          relabel_configs = [
            {
              source_labels = [ "__meta_consul_address" ];
              target_label = "__address__";
              replacement = "\${1}:8500";
            }
            {
              source_labels = [ "__meta_consul_service" ];
              target_label = "service";
            }
            {
              source_labels = [ "__meta_consul_node" ];
              target_label = "node";
            }
          ];
          params = {
            format = [ "prometheus" ];
          };
        }
        {
          job_name = "nomad";
          metrics_path = "/v1/metrics";
          scrape_interval = "15s";
          consul_sd_configs = [
            {
              server = "127.0.0.1:8500";
              services = [ "nomad" "nomad-client" ];
            }
          ];
          relabel_configs = [
            {
              source_labels = [ "__meta_consul_address" ];
              target_label = "__address__";
              replacement = "\${1}:4646";
            }
            {
              source_labels = [ "__meta_consul_service" ];
              target_label = "service";
            }
            {
              source_labels = [ "__meta_consul_node" ];
              target_label = "node";
            }
          ];
          params = {
            format = [ "prometheus" ];
          };
        }
        {
          job_name = "envoy";
          metrics_path = "/metrics";
          scrape_interval = "15s";
          consul_sd_configs = [
            { server = "127.0.0.1:8500"; }
          ];
          relabel_configs = [
            {
              source_labels = [ "__meta_consul_service" ];
              regex = ".+-sidecar-proxy";
              action = "keep";
            }
            {
              source_labels = [ "__meta_consul_address" ];
              target_label = "__address__";
              replacement = "\${1}:9102";
            }
            {
              source_labels = [ "__meta_consul_service" ];
              target_label = "service";
            }
            {
              source_labels = [ "__meta_consul_node" ];
              target_label = "node";
            }
          ];
        }
      ];
      networking.firewall.allowedTCPPorts = [ 9090 ];
    }
