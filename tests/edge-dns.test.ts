import { describe, expect, it } from "vitest";
import { clusterSystem, diagnosticsOf as eksDiagnostics, positionIn, terraformOf } from "./helpers/eks.js";
import { compileSystem, diagnosticsOf } from "./helpers/system.js";

const lines = (...body: string[]) => body.join("\n");
const head = [
  'import { dnsRecord, dnsZone, failover, healthCheck, host, loadBalancer, network, system, waive } from "noros";',
  'const net = network("net", { cidr: "10.0.0.0/16", publicSubnets: ["10.0.0.0/24", "10.0.1.0/24"] });',
  'const web = waive(host("web", { network: net, subnet: "public" }), "NOROS-EC2-007", "a test host in a public subnet, on purpose");',
  'const blue = waive(loadBalancer("blue", { network: net, listeners: [{ port: 80, protocol: "http", forward: { to: [web] } }] }), "NOROS-ALB-002", "plain HTTP in a test of DNS records");',
  'const green = waive(loadBalancer("green", { network: net, listeners: [{ port: 80, protocol: "http", forward: { to: [web] } }] }), "NOROS-ALB-002", "plain HTTP in a test of DNS records");',
];
const end = (resources: string) => `export default system("dns", { region: "eu-west-1", resources: [net, web, blue, green, ${resources}] });`;

describe("Route53 zones and records", () => {
  const { doc } = compileSystem(
    lines(
      ...head,
      'const zone = dnsZone("zone", { domain: "example.com" });',
      'const known = dnsZone("known", { domain: "example.org", existing: true });',
      'const www = dnsRecord("www", { zone, name: "www.example.com", to: blue });',
      'const mail = dnsRecord("mail", { zone: known, name: "example.org", type: "TXT", values: ["v=spf1 -all"], ttlS: 3600 });',
      'const db = dnsRecord("db", { zone, name: "db.example.com", type: "A", values: [web.privateIp] });',
      end("zone, known, www, mail, db"),
    ),
  );

  it("creates a zone, or looks an existing one up without managing it, and refers to either through one local", () => {
    expect(doc.resource.aws_route53_zone?.zone).toMatchObject({ name: "example.com" });
    expect(doc.resource.aws_route53_zone).not.toHaveProperty("known");
    expect(doc.data?.aws_route53_zone?.known).toEqual({ name: "example.org", private_zone: false });
    expect(doc.locals).toMatchObject({ zone_zone_id: "${aws_route53_zone.zone.zone_id}", known_zone_id: "${data.aws_route53_zone.known.zone_id}" });
    expect(doc.output.zone_name_servers?.value).toBe("${aws_route53_zone.zone.name_servers}");
    expect(doc.output).not.toHaveProperty("known_name_servers");
  });

  it("writes an alias to a load balancer that follows its health, and plain records with references", () => {
    const records = doc.resource.aws_route53_record ?? {};
    expect(records.www).toEqual({
      zone_id: "${local.zone_zone_id}",
      name: "www.example.com",
      type: "A",
      alias: [{ name: "${aws_lb.blue.dns_name}", zone_id: "${aws_lb.blue.zone_id}", evaluate_target_health: true }],
    });
    expect(records.mail).toEqual({ zone_id: "${local.known_zone_id}", name: "example.org", type: "TXT", ttl: 3600, records: ["v=spf1 -all"] });
    expect(records.db).toMatchObject({ type: "A", ttl: 300, records: ["${aws_instance.web.private_ip}"] });
  });
});

describe("health checks and failover", () => {
  const { doc } = compileSystem(
    lines(
      ...head,
      'const zone = dnsZone("zone", { domain: "example.com" });',
      'const probe = healthCheck("probe", { target: blue.dnsName, protocol: "http", path: "/health", intervalS: 10, failureThreshold: 2 });',
      'const tcp = healthCheck("tcp", { target: "db.example.com", protocol: "tcp", port: 5432 });',
      'const site = failover("site", { zone, name: "www.example.com", primary: blue, secondary: green, healthCheck: probe });',
      end("zone, probe, tcp, site"),
    ),
  );

  it("probes a name over HTTP(S) at a path, or over TCP at a port", () => {
    expect(doc.resource.aws_route53_health_check?.probe).toMatchObject({ fqdn: "${aws_lb.blue.dns_name}", type: "HTTP", port: 80, resource_path: "/health", request_interval: 10, failure_threshold: 2 });
    expect(doc.resource.aws_route53_health_check?.tcp).toMatchObject({ fqdn: "db.example.com", type: "TCP", port: 5432 });
    expect(doc.resource.aws_route53_health_check?.tcp).not.toHaveProperty("resource_path");
  });

  it("answers with the primary while its health check passes, else with the secondary", () => {
    const records = doc.resource.aws_route53_record ?? {};
    expect(records.site_primary).toMatchObject({
      name: "www.example.com",
      set_identifier: "site-primary",
      failover_routing_policy: [{ type: "PRIMARY" }],
      health_check_id: "${aws_route53_health_check.probe.id}",
      alias: [{ name: "${aws_lb.blue.dns_name}", evaluate_target_health: true }],
    });
    expect(records.site_secondary).toMatchObject({ set_identifier: "site-secondary", failover_routing_policy: [{ type: "SECONDARY" }], alias: [{ name: "${aws_lb.green.dns_name}" }] });
    expect(records.site_secondary).not.toHaveProperty("health_check_id");
    expect(doc.output.site_fqdn?.value).toBe("${aws_route53_record.site_primary.fqdn}");
  });
});

describe("DNS mistakes, at their position", () => {
  const codes = (...body: string[]) => diagnosticsOf(lines(...head, ...body)).map((d) => d.split(" ").slice(0, 2).join(" "));

  it("a record or failover name outside its zone (NOROS3066), one origin twice (NOROS3068)", () => {
    expect(
      codes(
        'const zone = dnsZone("zone", { domain: "example.com" });',
        'const www = dnsRecord("www", { zone, name: "www.example.org", to: blue });',
        'const probe = healthCheck("probe", { target: blue.dnsName });',
        'const site = failover("site", { zone, name: "notexample.com", primary: blue, secondary: blue, healthCheck: probe });',
        end("zone, www, probe, site"),
      ),
    ).toEqual(["NOROS3066 7:38", "NOROS3066 9:39", "NOROS3068 9:78"]);
  });

  it("an invalid domain, a record that is alias and plain at once, a tcp check with a path (NOROS2087, NOROS2088, NOROS2086)", () => {
    expect(
      codes(
        'const zone = dnsZone("zone", { domain: "Example.com." });',
        'const www = dnsRecord("www", { zone, name: "www.example.com", to: blue, type: "A" });',
        'const probe = healthCheck("probe", { target: "db.example.com", protocol: "tcp", port: 5432, path: "/" });',
        end("zone, www, probe"),
      ),
    ).toEqual(["NOROS2087 6:32", "NOROS2088 7:73", "NOROS2086 8:93"]);
  });
});

describe("failover from a cluster's ingress", () => {
  // Line 6 of clusterSystem's file: a standby load balancer, the zone, the health check and the failover.
  const EXTRA = 6;
  const extra = (origins: string) =>
    [
      'const spare = host("spare", { network: net });',
      'const standby = waive(loadBalancer("standby", { network: net, listeners: [{ port: 80, protocol: "http", forward: { to: [spare] } }] }), "NOROS-ALB-002", "plain HTTP in a test of failover records");',
      'const zone = dnsZone("zone", { domain: "example.com" });',
      'const probe = healthCheck("probe", { target: k8s.ingressHostname, protocol: "http", path: "/health" });',
      `const site = failover("site", { zone, name: "www.example.com", ${origins}, healthCheck: probe });`,
    ].join(" ");
  const system = (origins: string, cluster?: string) =>
    clusterSystem({ imports: "dnsZone, failover, healthCheck, host, loadBalancer, waive", extra: extra(origins), resources: "spare, standby, zone, probe, site", ...(cluster ? { cluster } : {}) });

  it("aliases the primary to the ingress controller's load balancer, by its hostname and the region's zone of network load balancers", () => {
    const doc = terraformOf(system("primary: k8s, secondary: standby"));
    const records = doc.resource.aws_route53_record ?? {};
    expect(records.site_primary).toMatchObject({
      type: "A",
      failover_routing_policy: [{ type: "PRIMARY" }],
      health_check_id: "${aws_route53_health_check.probe.id}",
      alias: [
        {
          name: "${data.kubernetes_service_v1.k8s_ingress.status[0].load_balancer[0].ingress[0].hostname}",
          zone_id: "${data.aws_lb_hosted_zone_id.k8s_ingress.id}",
          evaluate_target_health: true,
        },
      ],
    });
    expect(doc.data.aws_lb_hosted_zone_id).toEqual({ k8s_ingress: { load_balancer_type: "network" } });
    expect(records.site_secondary).toMatchObject({ failover_routing_policy: [{ type: "SECONDARY" }], alias: [{ name: "${aws_lb.standby.dns_name}", zone_id: "${aws_lb.standby.zone_id}" }] });
    expect(doc.resource.aws_route53_health_check?.probe).toMatchObject({ fqdn: "${data.kubernetes_service_v1.k8s_ingress.status[0].load_balancer[0].ingress[0].hostname}", type: "HTTP", resource_path: "/health" });
  });

  it("can fail over to the ingress as well, and needs no hosted zone lookup between load balancers", () => {
    const reversed = terraformOf(system("primary: standby, secondary: k8s"));
    expect(reversed.resource.aws_route53_record?.site_secondary).toMatchObject({ alias: [{ zone_id: "${data.aws_lb_hosted_zone_id.k8s_ingress.id}" }] });
    expect(reversed.resource.aws_route53_record?.site_primary).toMatchObject({ alias: [{ zone_id: "${aws_lb.standby.zone_id}" }] });
  });

  it("a cluster without ingress (NOROS3069), the same cluster twice (NOROS3068), an origin that is neither, refused by its type (NOROS1005)", () => {
    const noIngress = system("primary: k8s, secondary: standby", "nodeGroups: { main: { min: 1, max: 3 } }");
    // The health check's reference to the missing ingress is reported too (NOROS3088).
    expect(eksDiagnostics(noIngress)).toEqual([`NOROS3088 ${positionIn(noIngress, EXTRA, "target: k8s")}`, `NOROS3069 ${positionIn(noIngress, EXTRA, "primary: k8s")}`]);
    const twice = system("primary: k8s, secondary: k8s");
    expect(eksDiagnostics(twice)).toEqual([`NOROS3068 ${positionIn(twice, EXTRA, "secondary: k8s")}`]);
    // The inferred input type admits load balancers and clusters only, so the type check refuses a topic.
    const topic = system("primary: k8s, secondary: alerts");
    expect(eksDiagnostics(topic)).toEqual([`NOROS1005 ${positionIn(topic, EXTRA, "secondary: alerts")}`]);
  });
});
