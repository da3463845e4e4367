    # noros module: game: The game (runs as user game)
    {
      users.users.game = {
        isSystemUser = true;
        group = "game";
        description = "The game";
      };
      users.groups.game = { };
      systemd.services.game = {
        description = "The game";
        wantedBy = [ "multi-user.target" ];
        wants = [ "network-online.target" ];
        after = [ "network-online.target" ];
        path = [ pkgs.steam-run-free ];
        script = ''
          exec ./server --name "$NAME" '''''${HOME}
        '';
        serviceConfig = {
          User = "game";
          Group = "game";
          Restart = "on-failure";
          RestartSec = 5;
          StateDirectory = "game";
          WorkingDirectory = "/var/lib/game";
          NoNewPrivileges = true;
          ProtectSystem = "strict";
          ProtectHome = true;
          PrivateTmp = true;
          ProtectKernelTunables = true;
          ProtectKernelModules = true;
          ProtectControlGroups = true;
          RestrictSUIDSGID = true;
          AmbientCapabilities = [ "CAP_NET_BIND_SERVICE" ];
        };
        environment = { NAME = "x"; };
      };
      networking.firewall.allowedTCPPorts = [ 80 ];
      networking.firewall.allowedUDPPorts = [ 27015 ];
    }
