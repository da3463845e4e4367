import { describe, expect, it } from "vitest";
import { compileSystem, diagnosticsOf } from "./helpers/system.js";

const lines = (...body: string[]) => body.join("\n");
const head = [
  'import { certificate, dnsRecord, dnsZone, host, loadBalancer, network, service, system, waive } from "noros";',
  'const net = network("net", { cidr: "10.0.0.0/16", publicSubnets: ["10.0.0.0/24", "10.0.1.0/24"], privateSubnets: ["10.0.10.0/24", "10.0.11.0/24"], natGateway: true });',
  'const web = service("web", { source: "./app", runtime: "static", port: 8080, healthCheck: { path: "/index.html" }, run: { on: "ecs", network: net } });',
];
const end = (resources: string) => `export default system("edge", { region: "eu-west-1", resources: [${resources}] });`;

describe("application load balancer in front of an ECS service", () => {
  const { doc, graph } = compileSystem(
    lines(
      ...head,
      'const lb = waive(loadBalancer("lb", { network: net, listeners: [{ port: 80, protocol: "http", forward: { to: [web] } }] }), "NOROS-ALB-002", "plain HTTP: this test has no certificate");',
      end("net, web, lb"),
    ),
  );
  const r = doc.resource;

  it("sits in the public subnets with its own security group and drops invalid header fields", () => {
    expect(r.aws_lb?.lb).toMatchObject({
      load_balancer_type: "application",
      internal: false,
      drop_invalid_header_fields: true,
      subnets: ["${aws_subnet.net_public_0.id}", "${aws_subnet.net_public_1.id}"],
      security_groups: ["${aws_security_group.lb_lb.id}"],
    });
    expect(r.aws_security_group?.lb_lb).toMatchObject({ vpc_id: "${aws_vpc.net.id}" });
  });

  it("forwards to an ip target group on the service's port, probed at the service's own health path", () => {
    expect(r.aws_lb_target_group?.lb_http_80).toMatchObject({
      port: 8080,
      protocol: "HTTP",
      target_type: "ip",
      health_check: [{ enabled: true, protocol: "HTTP", path: "/index.html", port: "traffic-port", matcher: "200-399" }],
    });
    expect(r.aws_lb_listener?.lb_http_80).toMatchObject({ port: 80, protocol: "HTTP", default_action: [{ type: "forward", target_group_arn: "${aws_lb_target_group.lb_http_80.arn}" }] });
  });

  it("registers the ECS service through its load_balancer block, once the listener exists", () => {
    expect(r.aws_ecs_service?.web).toMatchObject({
      load_balancer: [{ target_group_arn: "${aws_lb_target_group.lb_http_80.arn}", container_name: "web", container_port: 8080 }],
      depends_on: ["aws_lb_listener.lb_http_80"],
      network_configuration: { assign_public_ip: false, subnets: ["${aws_subnet.net_private_0.id}", "${aws_subnet.net_private_1.id}"] },
    });
  });

  it("lets the tasks accept traffic only from the load balancer's group, and the load balancer reach only them", () => {
    const ingress = r.aws_vpc_security_group_ingress_rule ?? {};
    const toService = Object.values(ingress).filter((rule) => rule.security_group_id === "${aws_security_group.web_service.id}");
    expect(toService).toEqual([
      { security_group_id: "${aws_security_group.web_service.id}", referenced_security_group_id: "${aws_security_group.lb_lb.id}", ip_protocol: "tcp", from_port: 8080, to_port: 8080, description: "tcp/8080 from load balancer lb" },
    ]);
    expect(ingress.lb_listener_0_0).toMatchObject({ security_group_id: "${aws_security_group.lb_lb.id}", cidr_ipv4: "0.0.0.0/0", from_port: 80, to_port: 80 });
    const egress = Object.values(r.aws_vpc_security_group_egress_rule ?? {}).filter((rule) => rule.security_group_id === "${aws_security_group.lb_lb.id}");
    expect(egress).toEqual([
      { security_group_id: "${aws_security_group.lb_lb.id}", referenced_security_group_id: "${aws_security_group.web_service.id}", ip_protocol: "tcp", from_port: 8080, to_port: 8080, description: "tcp/8080 to web" },
    ]);
    expect(graph.flows.filter((f) => f.to.name === "web").map((f) => f.from)).toEqual([{ $noros: "use", kind: "load-balancer", name: "lb" }]);
  });

  it("outputs its URL and DNS name", () => {
    expect(doc.output.lb_url?.value).toBe("http://${aws_lb.lb.dns_name}");
    expect(doc.output.lb_dns_name?.value).toBe("${aws_lb.lb.dns_name}");
  });
});

describe("HTTPS", () => {
  const { doc } = compileSystem(
    lines(
      ...head,
      'const zone = dnsZone("zone", { domain: "example.com" });',
      'const cert = certificate("cert", { domain: "www.example.com", zone });',
      'const lb = loadBalancer("lb", { network: net, certificate: cert, listeners: [{ port: 443, protocol: "https", forward: { to: [web] } }, { port: 80, protocol: "http" }] });',
      'const www = dnsRecord("www", { zone, name: "www.example.com", to: lb });',
      end("net, web, zone, cert, lb, www"),
    ),
  );
  const listeners = doc.resource.aws_lb_listener ?? {};

  it("terminates TLS with the validated certificate and a TLS 1.3/1.2 policy, forwarding plain HTTP inside", () => {
    expect(listeners.lb_https_443).toMatchObject({
      protocol: "HTTPS",
      ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
      certificate_arn: "${aws_acm_certificate_validation.cert.certificate_arn}",
    });
    expect(doc.resource.aws_lb_target_group?.lb_https_443).toMatchObject({ protocol: "HTTP", port: 8080 });
  });

  it("answers HTTP only with a permanent redirect to HTTPS", () => {
    expect(listeners.lb_http_80).toMatchObject({ protocol: "HTTP", default_action: [{ type: "redirect", redirect: [{ port: "443", protocol: "HTTPS", status_code: "HTTP_301" }] }] });
    expect(doc.resource.aws_lb_target_group).not.toHaveProperty("lb_http_80");
  });

  it("gives as URL the name its certificate is for", () => {
    expect(doc.output.lb_url?.value).toBe("https://www.example.com");
  });
});

describe("hosts as targets, and a network load balancer", () => {
  const { doc, graph } = compileSystem(
    lines(
      ...head,
      'const game = waive(host("game", { network: net, subnet: "public" }), "NOROS-EC2-007", "a test game server with a public address");',
      'const nlb = loadBalancer("nlb", { type: "network", network: net, listeners: [',
      '  { port: 7777, protocol: "udp", forward: { to: [game], healthCheck: { port: 7778 } } },',
      '  { port: 7778, protocol: "tcp", forward: { to: [game] } },',
      "] });",
      'const alb = waive(loadBalancer("alb", { network: net, listeners: [{ port: 80, protocol: "http", forward: { to: [game], port: 8000, healthCheck: { path: "/up" } } }] }), "NOROS-ALB-002", "plain HTTP: this test has no certificate");',
      end("net, web, game, nlb, alb"),
    ),
  );
  const r = doc.resource;

  it("registers hosts as instance targets, with an attachment each", () => {
    expect(r.aws_lb_target_group?.alb_http_80).toMatchObject({ target_type: "instance", port: 8000, health_check: [{ path: "/up" }] });
    expect(r.aws_lb_target_group_attachment?.alb_http_80_game).toEqual({ target_group_arn: "${aws_lb_target_group.alb_http_80.arn}", target_id: "${aws_instance.game.id}", port: 8000 });
  });

  it("listens on UDP and TCP, probing the UDP group over TCP on the port it names", () => {
    expect(r.aws_lb?.nlb).toMatchObject({ load_balancer_type: "network", security_groups: ["${aws_security_group.nlb_lb.id}"] });
    expect(r.aws_lb?.nlb).not.toHaveProperty("drop_invalid_header_fields");
    expect(r.aws_lb_listener?.nlb_udp_7777).toMatchObject({ protocol: "UDP", port: 7777 });
    expect(r.aws_lb_target_group?.nlb_udp_7777).toMatchObject({ protocol: "UDP", target_type: "instance", health_check: [{ protocol: "TCP", port: "7778" }] });
    expect(r.aws_lb_target_group?.nlb_udp_7777?.health_check).not.toContainEqual(expect.objectContaining({ path: expect.anything() }));
    expect(r.aws_lb_target_group?.nlb_tcp_7778).toMatchObject({ protocol: "TCP", health_check: [{ protocol: "TCP", port: "traffic-port" }] });
  });

  it("lets the host admit each load balancer on its target and probe ports, and opens them in its firewall", () => {
    const admitted = graph.flows.filter((f) => f.to.name === "game").map((f) => `${"kind" in f.from ? f.from.name : "?"} ${f.protocol}/${f.port}`);
    expect(admitted.sort()).toEqual(["alb tcp/8000", "nlb tcp/7778", "nlb udp/7777"]);
    const configuration = graph.hostConfigurations.get("game")?.configuration ?? "";
    expect(configuration).toMatch(/allowedTCPPorts = \[\s*7778\s+8000\s*\];/);
    expect(configuration).toMatch(/allowedUDPPorts = \[\s*7777\s*\];/);
    expect(r.aws_vpc_security_group_egress_rule?.nlb_to_game_udp_7777).toMatchObject({ referenced_security_group_id: "${aws_security_group.game.id}" });
  });

  it("gives a network load balancer a DNS name but no http URL", () => {
    expect(doc.output.nlb_dns_name?.value).toBe("${aws_lb.nlb.dns_name}");
    expect(doc.output).not.toHaveProperty("nlb_url");
  });
});

describe("access logs", () => {
  const { doc } = compileSystem(
    lines(
      'import { bucket, host, loadBalancer, network, system, waive } from "noros";',
      'const net = network("net", { cidr: "10.0.0.0/16", publicSubnets: ["10.0.0.0/24", "10.0.1.0/24"] });',
      'const web = waive(host("web", { network: net, subnet: "public" }), "NOROS-EC2-007", "a test host with a public address");',
      'const logs = bucket("logs", {});',
      'const lb = waive(loadBalancer("lb", { network: net, accessLogs: { bucket: logs }, listeners: [{ port: 80, protocol: "http", forward: { to: [web] } }] }), "NOROS-ALB-002", "plain HTTP: this test has no certificate");',
      end("net, web, logs, lb"),
    ),
  );

  it("go to the bucket under lb/<name>, once its policy lets ELB's account write there, and only there", () => {
    expect(doc.resource.aws_lb?.lb).toMatchObject({ access_logs: [{ bucket: "${aws_s3_bucket.logs.bucket}", prefix: "lb/lb", enabled: true }], depends_on: ["aws_s3_bucket_policy.logs"] });
    const statements = (doc.data?.aws_iam_policy_document?.logs_bucket as { statement: Array<Record<string, unknown>> }).statement;
    expect(statements.find((s) => s.sid === "LoadBalancerAccessLogs")).toEqual({
      sid: "LoadBalancerAccessLogs",
      effect: "Allow",
      actions: ["s3:PutObject"],
      principals: [{ type: "AWS", identifiers: ["${data.aws_elb_service_account.current.arn}"] }],
      resources: ["${aws_s3_bucket.logs.arn}/lb/lb/AWSLogs/${data.aws_caller_identity.current.account_id}/*"],
    });
    expect(statements.map((s) => s.sid)).toContain("DenyInsecureTransport");
  });

  it("make the bucket SSE-S3 encrypted, the only encryption ELB log delivery supports", () => {
    expect(doc.resource.aws_s3_bucket_server_side_encryption_configuration?.logs).toMatchObject({ rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } }] });
  });
});

describe("load balancer mistakes, at their position", () => {
  const codes = (...body: string[]) => diagnosticsOf(lines(...head, ...body)).map((d) => d.split(" ").slice(0, 2).join(" "));

  it("an https listener without a certificate (NOROS2080)", () => {
    const [d] = diagnosticsOf(lines(...head, 'const lb = loadBalancer("lb", { network: net, listeners: [{ port: 443, protocol: "https", forward: { to: [web] } }] });', end("net, web, lb")));
    expect(d).toMatch(/^NOROS2080 4:72 load-balancer "lb": listeners\.0\.protocol: an https listener needs the load balancer's certificate/);
  });

  it("an HTTP health check on a UDP target group with no TCP port (NOROS2082)", () => {
    const [d] = diagnosticsOf(
      lines(...head, 'const g = host("g", { network: net });', 'const nlb = loadBalancer("nlb", { type: "network", network: net, listeners: [{ port: 7777, protocol: "udp", forward: { to: [g], healthCheck: { protocol: "http", path: "/" } } }] });', end("net, web, g, nlb")),
    );
    expect(d).toMatch(/^NOROS2082 5:144 .*health checks of a UDP target group run over HTTP \(on TCP\), which the UDP port 7777 does not answer: give healthCheck\.port/);
  });

  it("protocols that do not suit the type, plain HTTP next to a certificate, an http listener with nothing to do, a port twice", () => {
    expect(codes('const lb = loadBalancer("lb", { network: net, listeners: [{ port: 53, protocol: "udp", forward: { to: [web] } }] });', end("net, web, lb"))).toEqual(["NOROS2081 4:71"]);
    expect(codes('const lb = loadBalancer("lb", { network: net, listeners: [{ port: 80, protocol: "http" }] });', end("net, web, lb"))).toEqual(["NOROS2084 4:59"]);
    expect(codes('const lb = loadBalancer("lb", { network: net, listeners: [{ port: 80, protocol: "http", forward: { to: [web], healthCheck: { intervalS: 10, timeoutS: 10 } } }] });', end("net, web, lb"))).toEqual(["NOROS2086 4:141"]);
    expect(codes('const lb = loadBalancer("lb", { type: "network", network: net, accessLogs: { bucket: net as never }, listeners: [{ port: 80, protocol: "tcp", forward: { to: [web] } }] });', end("net, web, lb"))).toEqual(["NOROS2089 4:64", "NOROS2010 4:78"]);
    expect(codes('const lb = loadBalancer("lb", { network: net, listeners: [{ port: 80, protocol: "http", forward: { to: [web] } }, { port: 80, protocol: "http", forward: { to: [web] } }] });', end("net, web, lb"))).toEqual(["NOROS2085 4:117"]);
    expect(
      codes(
        'const zone = dnsZone("zone", { domain: "example.com" });',
        'const cert = certificate("cert", { domain: "www.example.com", zone });',
        'const lb = loadBalancer("lb", { network: net, certificate: cert, listeners: [{ port: 443, protocol: "https", forward: { to: [web] } }, { port: 80, protocol: "http", forward: { to: [web] } }] });',
        end("net, web, zone, cert, lb"),
      ),
    ).toEqual(["NOROS2083 6:166"]);
  });

  it("a target that does not run in the cloud, lives in another network, or does not fit the group (NOROS3062-3064)", () => {
    expect(
      codes(
        'const local = service("local", { source: "./app", runtime: "static", port: 80, healthCheck: { path: "/" } });',
        'const lb = loadBalancer("lb", { network: net, listeners: [{ port: 80, protocol: "http", forward: { to: [local] } }] });',
        end("net, web, local, lb"),
      ),
    ).toEqual(["NOROS3062 5:105"]);
    expect(
      codes(
        'const other = network("other", { cidr: "10.1.0.0/16", privateSubnets: ["10.1.1.0/24"] });',
        'const far = host("far", { network: other });',
        'const g = host("g", { network: net });',
        'const lb = loadBalancer("lb", { network: net, listeners: [{ port: 80, protocol: "http", forward: { to: [far] } }, { port: 81, protocol: "http", forward: { to: [g, web] } }, { port: 82, protocol: "http", forward: { to: [web], port: 9000 } }] });',
        end("net, other, far, g, web, lb"),
      ),
    ).toEqual(["NOROS3063 7:105", "NOROS3064 7:156", "NOROS3064 7:226"]);
  });

  it("an application load balancer in a network with public subnets in one zone only (NOROS3067)", () => {
    expect(
      diagnosticsOf(
        lines(
          'import { host, loadBalancer, network, system } from "noros";',
          'const net = network("net", { cidr: "10.0.0.0/16", publicSubnets: ["10.0.0.0/24"] });',
          'const g = host("g", { network: net, subnet: "public" });',
          'const lb = loadBalancer("lb", { network: net, listeners: [{ port: 80, protocol: "http", forward: { to: [g] } }] });',
          end("net, g, lb"),
        ),
      ),
    ).toEqual([expect.stringMatching(/^NOROS3067 4:33 application load balancer "lb" needs public subnets in 2 availability zones, but network "net" has them in 1/)]);
  });
});
