    # noros module: nginx: virtual hosts and reverse proxy
    {
      services.nginx.enable = true;
      services.nginx.recommendedProxySettings = true;
      services.nginx.recommendedGzipSettings = true;
      services.nginx.recommendedOptimisation = true;
      services.nginx.serverTokens = false;
      services.nginx.virtualHosts = {
        "www.example.com" = {
          default = true;
          listen = [
            {
              addr = "0.0.0.0";
              port = 80;
            }
          ];
          locations = {
            "/" = {
              proxyPass = "http://127.0.0.1:8080";
              proxyWebsockets = true;
            };
            "/assets/" = {
              root = "/var/www/assets";
              extraConfig = ''
                expires 30d;
                add_header Cache-Control "public, max-age=2592000, immutable" always;
                access_log off;
              '';
            };
            "/api/" = { proxyPass = "http://10.0.1.20:9000"; };
          };
        };
      };
      networking.firewall.allowedTCPPorts = [ 80 ];
    }
