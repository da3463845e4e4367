import { service } from "noros";
import { web } from "./cluster.ts";

// requirement S4.1: each app is a `service` whose image runs the app's tests (node --test) in a build stage before the image exists; `--no-test` skips them
export const shop = service("shop", {
  source: "./shop",
  runtime: "node",
  port: 8080,
  healthCheck: { path: "/health" },
  test: ["node", "--test"],
  cpu: 0.25,
  memoryMb: 512,
  // requirement S4.3: the shop scales between 2 and 10 pods on its request rate per pod (http_requests_total, served by the metrics adapter)
  run: {
    on: "eks",
    cluster: web,
    nodeGroup: "main",
    autoscale: { min: 2, max: 10, metric: { counter: "http_requests_total", targetPerPod: 20 } },
    ingress: { path: "/" },
    tls: { port: 8443 },
  },
});
