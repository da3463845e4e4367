import { service } from "noros";
import { web } from "./cluster.ts";

/**
 * The status page, under /status: checks the shop and the blog over TLS at their cluster DNS names,
 * trusting only the internal CA (its certificate is mounted with the status service's own).
 */
export const status = service("status", {
  source: "./status",
  runtime: "node",
  port: 8080,
  environment: {
    BASE_PATH: "/status",
    TARGETS: "https://shop.apps.svc/health,https://blog.apps.svc/health",
  },
  healthCheck: { path: "/health" },
  test: ["node", "--test"],
  run: {
    on: "eks",
    cluster: web,
    nodeGroup: "main",
    replicas: 2,
    ingress: { path: "/status" },
    tls: { port: 8443 },
  },
});
