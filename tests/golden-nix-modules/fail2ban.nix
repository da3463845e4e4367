    # noros module: fail2ban
    {
      services.fail2ban.enable = true;
      services.fail2ban.maxretry = 5;
      services.fail2ban.bantime = "1h";
      services.fail2ban.bantime-increment.enable = true;
      services.fail2ban.ignoreIP = [ "10.0.0.0/16" ];
      services.fail2ban.jails = {
        game-rcon = {
          enabled = true;
          filter = {
            Definition = {
              failregex = "rcon from \"<HOST>:\\d+\": bad password\n  kick <HOST>";
              journalmatch = "_SYSTEMD_UNIT=game.service";
            };
          };
          settings = {
            backend = "systemd";
            port = "27015";
            protocol = "tcp";
            maxretry = 5;
            findtime = "10m";
          };
        };
      };
    }
