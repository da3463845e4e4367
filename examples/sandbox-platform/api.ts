import { service, text } from "noros";
import { servers } from "./cluster.ts";
import { network } from "./network.ts";

/**
 * The public API (./api): API-key authentication in the service itself, sandboxes started as Nomad
 * jobs. It is given only the SHA-256 hashes of the accepted keys. It runs on ECS in the private
 * subnets, behind the load balancer of edge.ts.
 */
// requirement S2.3: API-key authentication in the service itself, which runs on ECS behind the load balancer of edge.ts
export const api = service("api", {
  source: "./api",
  runtime: "node",
  port: 8080,
  environment: {
    NOMAD_ADDR: text`http://${servers[0]!.privateIp}:4646`,
    NOMAD_DATACENTER: "dc1",
    // sha256("demo-key-change-me-0123456789"): replace with the hashes of your own keys.
    API_KEY_HASHES: "9666fdae845f5392983a266407e3bf3e02f2be6e3b05cc210f99a933d2239fba",
  },
  healthCheck: { path: "/health" },
  test: ["node", "--test"],
  run: { on: "ecs", network },
});
