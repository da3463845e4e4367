import { describe, expect, it } from "vitest";
import { compileSystem, diagnosticsOf } from "./helpers/system.js";

const lines = (...body: string[]) => body.join("\n");
const head = [
  'import { certificate, dnsZone, host, loadBalancer, network, system, waive } from "noros";',
  'const zone = dnsZone("zone", { domain: "example.com", existing: true });',
];
const end = (resources: string) => `export default system("tls", { region: "eu-west-1", resources: [zone, ${resources}] });`;

describe("ACM certificates validated through DNS", () => {
  const { doc } = compileSystem(
    lines(
      ...head,
      'const cert = certificate("cert", { domain: "example.com", alternativeNames: ["*.example.com", "api.example.com"], zone });',
      'const net = network("net", { cidr: "10.0.0.0/16", publicSubnets: ["10.0.0.0/24", "10.0.1.0/24"] });',
      'const web = waive(host("web", { network: net, subnet: "public" }), "NOROS-EC2-007", "a test host in a public subnet, on purpose");',
      'const lb = loadBalancer("lb", { network: net, certificate: cert, listeners: [{ port: 443, protocol: "https", forward: { to: [web], port: 8443 } }] });',
      end("cert, net, web, lb"),
    ),
  );
  const r = doc.resource;

  it("requests a DNS-validated certificate for the domain and its alternative names", () => {
    expect(r.aws_acm_certificate?.cert).toMatchObject({
      domain_name: "example.com",
      subject_alternative_names: ["*.example.com", "api.example.com"],
      validation_method: "DNS",
      lifecycle: { create_before_destroy: true },
    });
  });

  it("writes one validation record per name into the zone and waits for ACM to issue it", () => {
    const validation = Object.entries(r.aws_route53_record ?? {}).filter(([name]) => name.startsWith("cert_validation_"));
    expect(validation.map(([name]) => name)).toEqual(["cert_validation_0", "cert_validation_1", "cert_validation_2"]);
    expect(r.aws_route53_record?.cert_validation_1).toEqual({
      zone_id: "${local.zone_zone_id}",
      name: "${tolist(aws_acm_certificate.cert.domain_validation_options)[1].resource_record_name}",
      type: "${tolist(aws_acm_certificate.cert.domain_validation_options)[1].resource_record_type}",
      records: ["${tolist(aws_acm_certificate.cert.domain_validation_options)[1].resource_record_value}"],
      ttl: 60,
      allow_overwrite: true,
    });
    expect(r.aws_acm_certificate_validation?.cert).toEqual({
      certificate_arn: "${aws_acm_certificate.cert.arn}",
      validation_record_fqdns: ["${aws_route53_record.cert_validation_0.fqdn}", "${aws_route53_record.cert_validation_1.fqdn}", "${aws_route53_record.cert_validation_2.fqdn}"],
    });
  });

  it("is used by the HTTPS listener only once validated", () => {
    expect(r.aws_lb_listener?.lb_https_443?.certificate_arn).toBe("${aws_acm_certificate_validation.cert.certificate_arn}");
  });
});

describe("certificate mistakes, at their position", () => {
  it("a domain or alternative name outside the certificate's zone (NOROS3065)", () => {
    const found = diagnosticsOf(lines(...head, 'const cert = certificate("cert", { domain: "api.example.org", alternativeNames: ["www.example.com", "*.notexample.com"], zone });', end("cert")));
    expect(found).toEqual([
      expect.stringMatching(/^NOROS3065 3:36 certificate "cert" is for api\.example\.org, which is not in zone "zone" \(example\.com\)/),
      expect.stringMatching(/^NOROS3065 3:101 certificate "cert" is for \*\.notexample\.com/),
    ]);
  });

  it("a name that is no domain (NOROS2087)", () => {
    expect(diagnosticsOf(lines(...head, 'const cert = certificate("cert", { domain: "*", zone });', end("cert"))).map((d) => d.split(" ").slice(0, 2).join(" "))).toEqual(["NOROS2087 3:36"]);
  });
});
