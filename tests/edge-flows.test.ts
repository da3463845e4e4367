import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { DiagnosticsError } from "../compiler/diagnostics/diagnostic.js";
import { writeSystem } from "./helpers/cli.js";

type Rules = Record<string, Record<string, unknown>>;
type Doc = { resource: Record<string, Rules> };

const header = 'import { host, lazy, network, service, system } from "noros";\nconst net = network("net", { cidr: "10.0.0.0/16", privateSubnets: ["10.0.1.0/24"] });';

function build(body: string[], resources: string) {
  const file = writeSystem({ "s.noros.ts": [header, ...body, `export default system("flows", { region: "eu-west-1", resources: [${resources}] });`].join("\n") });
  const result = compile({ file, cwd: path.dirname(file), targets: ["terraform", "nix"] });
  const doc = JSON.parse(result.artefacts.find((a) => a.path === "terraform/main.tf.json")?.contents as string) as Doc;
  return { doc, graph: result.graph };
}

function diagnosticsOf(body: string[], resources: string): string[] {
  const file = writeSystem({ "s.noros.ts": [header, ...body, `export default system("flows", { region: "eu-west-1", resources: [${resources}] });`].join("\n") });
  try {
    compile({ file, cwd: path.dirname(file), targets: [] });
  } catch (error) {
    if (error instanceof DiagnosticsError) return error.diagnostics.map((d) => `${d.code} ${d.line}:${d.col}`);
    throw error;
  }
  return [];
}

describe("flows: security groups from declared senders, not address ranges", () => {
  it("lowers `from: otherHost` to a rule naming the sender's group, and the sender's matching egress", () => {
    const { doc, graph } = build(
      [
        'const api = host("api", { network: net });',
        'const db = host("db", { network: net, ingress: [{ port: 5432, from: api }, { port: 9100, from: "10.0.0.0/16" }] });',
      ],
      "net, api, db",
    );
    const ingress = doc.resource.aws_vpc_security_group_ingress_rule ?? {};
    expect(ingress.db_ingress_0).toEqual({
      security_group_id: "${aws_security_group.db.id}",
      referenced_security_group_id: "${aws_security_group.api.id}",
      ip_protocol: "tcp",
      from_port: 5432,
      to_port: 5432,
      description: "tcp/5432 from api",
    });
    expect(ingress.db_ingress_0).not.toHaveProperty("cidr_ipv4");
    expect(ingress.db_ingress_1).toMatchObject({ cidr_ipv4: "10.0.0.0/16", from_port: 9100 });
    // api may now reach db on 5432, and only there (besides its HTTPS egress).
    const egress = doc.resource.aws_vpc_security_group_egress_rule ?? {};
    expect(egress.api_to_db_tcp_5432).toEqual({
      security_group_id: "${aws_security_group.api.id}",
      referenced_security_group_id: "${aws_security_group.db.id}",
      ip_protocol: "tcp",
      from_port: 5432,
      to_port: 5432,
      description: "tcp/5432 to db",
    });
    expect(Object.keys(egress).filter((k) => k.startsWith("api_")).sort()).toEqual(["api_https", "api_to_db_tcp_5432"]);
    // The NixOS firewall opens what the security group admits, whoever sends it.
    expect(graph.hostConfigurations.get("db")?.configuration).toMatch(/allowedTCPPorts = \[\s*5432\s+9100\s*\];/);
  });

  it("lets two hosts admit each other: a flow orders nothing, so it is no dependency cycle", () => {
    const { doc, graph } = build(
      [
        'const a = host("a", { network: net, ingress: [{ port: 7000, protocol: "udp", from: lazy(() => b) }] });',
        'const b = host("b", { network: net, ingress: [{ port: 7000, protocol: "udp", from: a }] });',
      ],
      "net, a, b",
    );
    expect(Object.keys(doc.resource.aws_vpc_security_group_egress_rule ?? {}).sort()).toEqual(["a_https", "a_to_b_udp_7000", "b_https", "b_to_a_udp_7000"]);
    expect(graph.edges.filter((e) => e.via === "ingress").map((e) => `${e.from}->${e.to} ${e.kind}`).sort()).toEqual(["a->b flows", "b->a flows"]);
  });

  it("admits a service's port from the network by default, and only from the declared senders when run.ingress is given", () => {
    const app = (name: string, run: string) =>
      `const ${name} = service("${name}", { source: "./app", runtime: "static", port: 8080, healthCheck: { path: "/index.html" }, run: ${run} });`;
    const body = [
      header,
      'const worker = host("worker", { network: net });',
      app("open", "{ on: \"ecs\", network: net }"),
      app("closed", "{ on: \"ecs\", network: net, ingress: [{ from: worker }] }"),
      'export default system("flows", { region: "eu-west-1", resources: [net, worker, open, closed] });',
    ].join("\n");
    const file = writeSystem({ "s.noros.ts": body });
    mkdirSync(path.join(path.dirname(file), "app"));
    writeFileSync(path.join(path.dirname(file), "app", "index.html"), "ok");
    const result = compile({ file, cwd: path.dirname(file), targets: ["terraform"] });
    const doc = JSON.parse(result.artefacts.find((a) => a.path === "terraform/main.tf.json")?.contents as string) as Doc;
    const ingress = doc.resource.aws_vpc_security_group_ingress_rule ?? {};
    expect(ingress.open_service_port).toMatchObject({ security_group_id: "${aws_security_group.open_service.id}", cidr_ipv4: "${aws_vpc.net.cidr_block}", from_port: 8080 });
    expect(ingress.closed_service_port).toBeUndefined();
    expect(ingress.closed_ingress_0).toMatchObject({ security_group_id: "${aws_security_group.closed_service.id}", referenced_security_group_id: "${aws_security_group.worker.id}", from_port: 8080 });
    expect(doc.resource.aws_vpc_security_group_egress_rule?.worker_to_closed_tcp_8080).toMatchObject({ referenced_security_group_id: "${aws_security_group.closed_service.id}" });
  });

  it("reports a sender with no security group, or in another network, at the `from` (NOROS3060, NOROS3061)", () => {
    expect(
      diagnosticsOf(
        [
          'const other = network("other", { cidr: "10.1.0.0/16", privateSubnets: ["10.1.1.0/24"] });',
          'const local = service("local", { source: "./app", runtime: "static", port: 80, healthCheck: { path: "/" } });',
          'const far = host("far", { network: other });',
          'const db = host("db", { network: net, ingress: [{ port: 5432, from: local }, { port: 5433, from: far }] });',
        ],
        "net, other, local, far, db",
      ),
    ).toEqual(["NOROS3060 6:63", "NOROS3061 6:92"]);
  });

  it("refuses a `from` that is neither a range nor a sender: in the editor already, and in the schema for untyped values", () => {
    expect(diagnosticsOf(['const db = host("db", { network: net, ingress: [{ port: 5432, from: net }] });'], "net, db")).toEqual(["NOROS1005 3:63"]);
    expect(diagnosticsOf(['const db = host("db", { network: net, ingress: [{ port: 5432, from: net as never }] });'], "net, db")).toEqual(["NOROS2010 3:63"]);
  });

  it("refuses a malformed range at its position (NOROS2004)", () => {
    expect(diagnosticsOf(['const db = host("db", { network: net, ingress: [{ port: 22, from: "10.0.0.1/16" }] });'], "net, db")).toEqual(["NOROS2004 3:61"]);
  });
});
