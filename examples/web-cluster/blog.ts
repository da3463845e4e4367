import { service } from "noros";
import { web } from "./cluster.ts";

/** The blog, under /blog on the same ingress. */
export const blog = service("blog", {
  source: "./blog",
  runtime: "node",
  port: 8080,
  environment: { BASE_PATH: "/blog" },
  healthCheck: { path: "/health" },
  test: ["node", "--test"],
  run: {
    on: "eks",
    cluster: web,
    nodeGroup: "main",
    autoscale: { min: 2, max: 6, metric: { counter: "http_requests_total", targetPerPod: 20 } },
    ingress: { path: "/blog" },
    tls: { port: 8443 },
  },
});
