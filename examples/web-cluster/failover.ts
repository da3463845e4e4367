import { dnsZone, failover, healthCheck } from "noros";
import { web } from "./cluster.ts";
import { standby } from "./standby.ts";

/** The zone the public name lives in; delegate it from example.com's zone (output web-zone_name_servers). */
const zone = dnsZone("web-zone", { domain: "web-cluster.example.com" });

/** Route53's checkers ask the shop's /health through the ingress's load balancer every 10 s. */
const probe = healthCheck("web-probe", {
  target: web.ingressHostname,
  protocol: "http",
  path: "/health",
  intervalS: 10,
  failureThreshold: 3,
});

// requirement S4.6: `failover("site")`, Route53 failover records for web-cluster.example.com: an alias to the ingress's load balancer while `healthCheck("web-probe")` passes, else to the standby's load balancer
const site = failover("site", {
  zone,
  name: "web-cluster.example.com",
  primary: web,
  secondary: standby.lb,
  healthCheck: probe,
});

export const plan = { zone, probe, site };
