    # noros module: log pipeline app: journald to CloudWatch Logs through Vector
    {
      services.vector.enable = true;
      services.vector.journaldAccess = true;
      services.vector.settings = {
        sources = {
          app_source = {
            type = "journald";
            include_units = [ "game.service" ];
          };
        };
        transforms = {
          app_step_0 = {
            type = "remap";
            inputs = [ "app_source" ];
            source = ''
              parsed = object(parse_json(string(.message) ?? "") ?? null) ?? {}
              . = merge(., parsed)
            '';
            drop_on_error = false;
          };
          app_step_1 = {
            type = "filter";
            inputs = [ "app_step_0" ];
            condition = {
              type = "vrl";
              source = "!(.level == \"debug\")";
            };
          };
          app_step_2 = {
            type = "remap";
            inputs = [ "app_step_1" ];
            source = ''
              if exists(.msg) {
                .message = del(.msg)
              }
              .cost = "$$5"
              del(.password)
            '';
            drop_on_error = false;
          };
          app_routes = {
            type = "route";
            inputs = [ "app_step_2" ];
            route = {
              errors = "(includes([\"error\", \"fatal\"], .level) || ((is_integer(.http.status) || is_float(.http.status)) && (to_float(.http.status) ?? 0.0) >= 500.0))";
            };
          };
        };
        sinks = {
          app_to_errors = {
            type = "aws_cloudwatch_logs";
            inputs = [ "app_routes.errors" ];
            region = "eu-west-1";
            group_name = "\${NOROS_LOG_GROUP_ERRORS:-/noros/mods/errors}";
            stream_name = "{{ host }}";
            create_missing_group = false;
            encoding = { codec = "json"; };
            healthcheck = { enabled = false; };
          };
          app_to_default = {
            type = "aws_cloudwatch_logs";
            inputs = [ "app_routes._unmatched" ];
            region = "eu-west-1";
            group_name = "\${NOROS_LOG_GROUP_APP_LOGS:-/noros/mods/app-logs}";
            stream_name = "{{ host }}";
            create_missing_group = false;
            encoding = { codec = "json"; };
            healthcheck = { enabled = false; };
          };
        };
      };
      systemd.services.vector.serviceConfig.EnvironmentFile = "-/etc/noros/environment";
    }
