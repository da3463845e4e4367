import { loadBalancer, service, waive } from "noros";
import { network } from "./network.ts";

/**
 * The failover plan's secondary origin, outside the cluster so that it survives whatever takes the
 * cluster's ingress down: one small Fargate task (./standby) in the network's private subnets that
 * answers every path with a "we are recovering" page (503, Retry-After), behind its own application
 * load balancer in the public subnets. It guards against the cluster failing, not the region: both
 * origins live in eu-central-1.
 */
const app = service("standby", {
  source: "./standby",
  runtime: "node",
  port: 8080,
  healthCheck: { path: "/health" },
  test: ["node", "--test"],
  run: { on: "ecs", network, desiredCount: 1 },
});

const lb = waive(
  loadBalancer("standby-lb", {
    network,
    listeners: [{ port: 80, protocol: "http", forward: { to: [app] } }],
  }),
  "NOROS-ALB-002",
  "the failover name's zone (web-cluster.example.com) is not delegated in the test account, so ACM could never validate a certificate and the standby answers plain HTTP, as the primary ingress does; it serves only a static notice and receives nothing secret",
);

export const standby = { app, lb };
