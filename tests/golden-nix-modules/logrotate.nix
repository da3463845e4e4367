    # noros module: logrotate
    {
      services.logrotate.enable = true;
      services.logrotate.settings = {
        game = {
          files = [ "/var/lib/game/logs/*.log" ];
          frequency = "daily";
          rotate = 1;
          compress = false;
          missingok = true;
          notifempty = true;
          copytruncate = true;
        };
      };
      services.journald.extraConfig = "MaxRetentionSec=1day";
    }
