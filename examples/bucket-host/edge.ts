import { loadBalancer, waive } from "noros";
import { status } from "./containers.ts";
import { network } from "./network.ts";

/**
 * The status page's public endpoint: an application load balancer in the public subnets forwarding
 * HTTP on 80 to the `status` service's tasks, which stay in the private subnets and admit traffic
 * only from it. Its output `status-lb_url` is `http://` and its own DNS name.
 */
const plain = loadBalancer("status-lb", {
  network,
  // Plain HTTP: the system has no zone of its own, so ACM has nothing to validate a certificate in.
  // With a delegated zone, add `dnsZone`, `certificate` and an https listener (see README).
  listeners: [
    {
      port: 80,
      protocol: "http",
      forward: { to: [status], healthCheck: { intervalS: 15, healthyThreshold: 2 } },
    },
  ],
});

// The one rule this system relaxes, and why (`noros check` lists it).
export const statusLb = waive(
  plain,
  "NOROS-ALB-002",
  "bucket-host has no delegated DNS zone, and the test account has none for it, so ACM could never validate a certificate and the status endpoint is plain HTTP by design; it serves a static page and /health only, takes no input and carries no credentials, so nothing secret crosses the internet in clear text; a real deployment with a zone adds a certificate and an https listener, see README",
);
