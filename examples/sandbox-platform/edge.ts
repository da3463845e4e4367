import { certificate, dnsRecord, dnsZone, loadBalancer } from "noros";
import { api } from "./api.ts";
import { network } from "./network.ts";

/** The platform's registered domain: its hosted zone exists already and is only added to. */
const zone = dnsZone("platform-zone", { domain: "sandbox.example.com", existing: true });

/** The API's TLS certificate, validated through a record in that zone. */
const apiCertificate = certificate("api-cert", { domain: "api.sandbox.example.com", zone });

/**
 * The public entry: HTTPS (TLS 1.2/1.3) on 443 forwarding to the API's tasks, HTTP on 80 only
 * redirecting to it, so that no API key ever travels in clear text.
 */
// requirement S2.3: `loadBalancer("api-lb")` with HTTPS (an ACM certificate validated in the zone) in front of the API service, which admits only the load balancer
const apiLb = loadBalancer("api-lb", {
  network,
  certificate: apiCertificate,
  listeners: [
    { port: 443, protocol: "https", forward: { to: [api] } },
    { port: 80, protocol: "http" },
  ],
});

const apiRecord = dnsRecord("api-record", { zone, name: "api.sandbox.example.com", to: apiLb });

/** Everything the API's public endpoint consists of. */
export const apiEdge = [zone, apiCertificate, apiLb, apiRecord];
