import { describe, expect, it } from "vitest";
import { clusterSystem, diagnosticsOf, positionIn, terraformOf, valuesOf } from "./helpers/eks.js";

/**
 * Author mistakes around clusters, each reported with its code at the offending property's own
 * position. In clusterSystem's file, line 4 is the cluster, line 5 the service, line 6 `extra`.
 */
const CLUSTER = 4;
const SERVICE = 5;
const EXTRA = 6;
const metric = 'metric: { counter: "http_requests_total", targetPerPod: 10 }';

function expectOne(file: string, code: string, line: number, needle: string): void {
  expect(diagnosticsOf(file)).toEqual([`${code} ${positionIn(file, line, needle)}`]);
}

describe("diagnostics for clusters and services on them", () => {
  it("accepts the base system", () => {
    expect(diagnosticsOf(clusterSystem())).toEqual([]);
  });

  it("an unknown node group for a service (NOROS3084)", () => {
    const file = clusterSystem({ service: 'nodeGroup: "mian"' });
    expectOne(file, "NOROS3084", SERVICE, "nodeGroup");
  });

  it("an unknown node group for a cluster part (NOROS2125)", () => {
    expectOne(clusterSystem({ cluster: 'nodeGroups: { main: {} }, ingress: { nodeGroup: "core" }' }), "NOROS2125", CLUSTER, 'nodeGroup: "core"');
  });

  it("min larger than max, on a node group and on autoscale (NOROS2122)", () => {
    expectOne(clusterSystem({ cluster: "nodeGroups: { main: { min: 4, max: 2 } }" }), "NOROS2122", CLUSTER, "min: 4");
    const autoscale = clusterSystem({ service: `autoscale: { min: 5, max: 2, ${metric} }`, cluster: 'nodeGroups: { main: {} }, monitoring: { nodeGroup: "main", alerts }' });
    expectOne(autoscale, "NOROS2122", SERVICE, "min: 5");
  });

  it("a taint effect Kubernetes does not know (NOROS2124), a reserved label (NOROS2126)", () => {
    expectOne(clusterSystem({ cluster: 'nodeGroups: { main: { taints: [{ key: "dedicated", effect: "NoScheduel" }] } }' }), "NOROS2124", CLUSTER, "effect");
    expectOne(clusterSystem({ cluster: 'nodeGroups: { main: { labels: { "kubernetes.io/role": "x" } } }' }), "NOROS2126", CLUSTER, '"kubernetes.io/role"');
  });

  it("autoscaling without the cluster's monitoring (NOROS3083), replicas beside autoscale (NOROS2123), a metric that is no counter (NOROS2127)", () => {
    expectOne(clusterSystem({ cluster: "nodeGroups: { main: {} }", service: `autoscale: { min: 1, max: 3, ${metric} }` }), "NOROS3083", SERVICE, "autoscale");
    expectOne(clusterSystem({ service: `replicas: 2, autoscale: { min: 1, max: 3, ${metric} }` }), "NOROS2123", SERVICE, "replicas");
    expectOne(clusterSystem({ service: 'autoscale: { min: 1, max: 3, metric: { counter: "requests", targetPerPod: 10 } }' }), "NOROS2127", SERVICE, "counter");
  });

  it("an ingress route or TLS on a cluster without ingress or CA (NOROS3085, NOROS3086)", () => {
    expectOne(clusterSystem({ cluster: "nodeGroups: { main: {} }", service: 'ingress: { path: "/" }' }), "NOROS3085", SERVICE, "ingress");
    expectOne(clusterSystem({ service: "tls: { port: 8443 }" }), "NOROS3086", SERVICE, "tls");
  });

  it("the API opened to the internet (NOROS2121) and a version EKS does not offer (NOROS2120)", () => {
    expectOne(clusterSystem({ cluster: 'nodeGroups: { main: {} }, publicAccessCidrs: ["0.0.0.0/0"]' }), "NOROS2121", CLUSTER, '"0.0.0.0/0"');
    expectOne(clusterSystem({ cluster: 'nodeGroups: { main: {} }, version: "1.9"' }), "NOROS2120", CLUSTER, "version");
  });

  it("two services on one route (NOROS3087) and a second cluster (NOROS3080)", () => {
    const twice = clusterSystem({
      service: 'ingress: { path: "/" }',
      extra: 'const api = service("api", { source: "./app", runtime: "static", port: 8080, healthCheck: { path: "/health" }, run: { on: "eks", cluster: k8s, ingress: { path: "/" } } });',
      resources: "api",
    });
    expectOne(twice, "NOROS3087", EXTRA, "ingress");
    const second = clusterSystem({ extra: 'const other = cluster("other", { network: net, nodeGroups: { main: {} } });', resources: "other" });
    expectOne(second, "NOROS3080", EXTRA, 'cluster("other"');
  });

  it("a cluster's network without two private zones (NOROS3081) or a NAT gateway (NOROS3082)", () => {
    const lonely = clusterSystem({ extra: 'const one = network("one", { cidr: "10.1.0.0/16", privateSubnets: ["10.1.1.0/24"] });\nconst c2 = cluster("c2", { network: one, nodeGroups: { main: {} } });', resources: "one, c2" });
    const found = diagnosticsOf(lonely);
    expect(found).toContain(`NOROS3081 ${positionIn(lonely, EXTRA + 1, "network: one")}`);
    expect(found).toContain(`NOROS3082 ${positionIn(lonely, EXTRA + 1, "network: one")}`);
  });
});

describe("charts", () => {
  const withChart = (props: string) =>
    clusterSystem({ extra: `const app = chart("demo", { cluster: k8s, chart: "demo", ${props} });`, resources: "app" });

  it("refuses a version that is not exact (NOROS2129) and a repository that is not https (NOROS2128)", () => {
    const range = withChart('repository: "https://charts.example.com", version: "^1.2.0"');
    expect(diagnosticsOf(range)).toEqual([`NOROS2129 ${positionIn(range, EXTRA, "version")}`]);
    const plain = withChart('repository: "http://charts.example.com", version: "1.2.0"');
    expect(diagnosticsOf(plain)).toEqual([`NOROS2128 ${positionIn(plain, EXTRA, "repository")}`]);
  });

  it("turns references in its values into Terraform expressions and keeps literal ${ as text", () => {
    const file = withChart('repository: "https://charts.example.com", version: "1.2.0", values: { alerts: { topic: alerts.arn }, note: "cost ${0}" }');
    const doc = terraformOf(file);
    expect(doc.resource.helm_release?.demo?.values).toEqual(['{"alerts":{"topic":"${aws_sns_topic.alerts.arn}"},"note":"cost $${0}"}']);
    expect(valuesOf(doc, "demo").alerts.topic).toBe("${aws_sns_topic.alerts.arn}");
  });
});
