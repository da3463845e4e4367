    # noros module: PostgreSQL
    {
      services.postgresql.enable = true;
      services.postgresql.package = pkgs.postgresql_16;
      services.postgresql.enableTCPIP = true;
      services.postgresql.settings.port = 5432;
      services.postgresql.settings.password_encryption = "scram-sha-256";
      services.postgresql.ensureDatabases = [ "app" "reports" ];
      services.postgresql.ensureUsers = [
        {
          name = "app";
          ensureDBOwnership = true;
        }
        {
          name = "reports";
          ensureDBOwnership = true;
        }
      ];
      services.postgresql.authentication = lib.mkForce ''
        local all all peer
        host all all 127.0.0.1/32 scram-sha-256
        host all all 10.0.0.0/16 scram-sha-256
      '';
      networking.firewall.allowedTCPPorts = [ 5432 ];
    }
