import type { HealthCheckProps, ServiceProps } from "../../dsl/schemas/service.js";

/**
 * The command a container health check runs (the image's HEALTHCHECK, the ECS task's health check): a GET of the health path on 127.0.0.1:$PORT that fails on a
 * connection error, a timeout or a status outside 200-399. The path is validated by the schema to
 * hold no quotes, spaces or `$`, and is embedded with JSON escaping anyway.
 */
export function healthProbe(runtime: ServiceProps["runtime"], check: HealthCheckProps): readonly string[] | undefined {
  if (typeof runtime === "object") return check.command;
  const ms = check.timeoutS * 1000;
  const path = JSON.stringify(check.path);
  switch (runtime) {
    case "node":
      return [
        "node",
        "-e",
        `const r=require("http").get({host:"127.0.0.1",port:process.env.PORT,path:${path},timeout:${ms}},(s)=>process.exit(s.statusCode>=200&&s.statusCode<400?0:1));` +
          `r.on("timeout",()=>process.exit(1));r.on("error",()=>process.exit(1));`,
      ];
    case "python":
      return [
        "python3",
        "-c",
        `import os,urllib.request;urllib.request.urlopen("http://127.0.0.1:"+os.environ["PORT"]+${path},timeout=${check.timeoutS})`,
      ];
    case "static":
      return ["/bin/sh", "-c", `exec busybox wget -q -O /dev/null -T ${check.timeoutS} "http://127.0.0.1:\${PORT}${check.path}"`];
  }
}
