import { dnsRecord, dnsZone, loadBalancer, waive, type Service } from "noros";
import { network } from "./network.ts";

/**
 * The checker's public endpoint: an application load balancer in the public subnets forwarding to
 * the service's tasks, which stay in the private subnets and admit traffic only from it, and a
 * Route53 zone with an alias record for it. A function of the service, because the service is
 * declared (with its bucket) in the system file.
 */
export function checkerEndpoint(checker: Service) {
  // requirement S3.2: `loadBalancer("checker-lb")` in the public subnets, its target group filled by the ECS service (tasks stay in private subnets and admit only the load balancer)
  const plain = loadBalancer("checker-lb", {
    network,
    // Plain HTTP: the zone below is not delegated in the test account, so ACM could never validate a
    // certificate for it. With a delegated zone, add `certificate` and an https listener (see README).
    listeners: [
      {
        port: 80,
        protocol: "http",
        forward: { to: [checker], healthCheck: { intervalS: 15, healthyThreshold: 2 } },
      },
    ],
  });
  // The one rule this system relaxes, and why (`noros check` lists it).
  const lb = waive(
    plain,
    "NOROS-ALB-002",
    "the example's zone checker.example.com is not delegated in the test account, so ACM could never validate a certificate and the endpoint is plain HTTP by design; the results token sent to GET /results then crosses the internet in clear text, so a real deployment delegates the zone and adds a certificate and an https listener (README)",
  );

  /** The zone the endpoint's name lives in; delegate it from example.com's zone (output checker-zone_name_servers). */
  const zone = dnsZone("checker-zone", { domain: "checker.example.com" });
  // requirement S3.4: `dnsRecord("checker-record")`, a Route53 alias record for the endpoint
  const record = dnsRecord("checker-record", { zone, name: "checker.example.com", to: lb });
  return { lb, zone, record };
}
