/**
 * What clusters and the services and charts on them ask of each other: a network the control plane
 * and nodes can live in, node groups that exist, and the cluster parts (monitoring, ingress, the
 * internal CA) a service relies on.
 */
import type { CheckedNode } from "../check/check.js";
import { positionOfPath } from "../check/positions.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { AnyNode, GraphNode } from "../graph.js";
import { closest } from "../util/closest.js";
import { findReferences } from "./walk-values.js";

export function clusterConsistency(nodes: readonly AnyNode[], byName: ReadonlyMap<string, CheckedNode>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (node: AnyNode, path: string[]) => positionOfPath(byName.get(node.name) as never, path, node.pos);
  const clusters = new Map(nodes.filter((n): n is GraphNode<"cluster"> => n.kind === "cluster").map((n) => [n.name, n]));
  const networks = new Map(nodes.filter((n): n is GraphNode<"network"> => n.kind === "network").map((n) => [n.name, n]));

  const [first, ...others] = [...clusters.values()];
  for (const other of others) {
    out.push(
      diagnostic(other.pos, "NOROS3080", `cluster "${other.name}" is a second cluster in this system; noros configures one kubernetes and one helm provider per system`, {
        hint: `the first is "${first?.name}"; put the other cluster in a system of its own`,
      }),
    );
  }

  for (const cluster of clusters.values()) {
    const net = networks.get(cluster.props.network.name);
    if (!net) continue;
    if (net.props.privateSubnets.length < 2 || net.props.availabilityZones < 2) {
      out.push(
        diagnostic(at(cluster, ["network"]), "NOROS3081", `cluster "${cluster.name}" needs private subnets in at least two availability zones, but network "${net.name}" has ${net.props.privateSubnets.length} private subnet(s) over ${net.props.availabilityZones} zone(s)`, {
          hint: "EKS refuses a control plane in a single zone; give the network two private subnets and availabilityZones: 2",
        }),
      );
    }
    if (!net.props.natGateway) {
      out.push(
        diagnostic(at(cluster, ["network"]), "NOROS3082", `cluster "${cluster.name}" runs its nodes in the private subnets of network "${net.name}", which has no NAT gateway`, {
          hint: "nodes pull images and charts from the internet and join the cluster through its public API names: set natGateway: true (with a public subnet)",
        }),
      );
    }
  }

  const routes = new Map<string, AnyNode>();
  // In source order, so that a route claimed twice is reported at the later claim.
  const bySource = (a: AnyNode, b: AnyNode) => a.pos.file.localeCompare(b.pos.file) || a.pos.line - b.pos.line || a.pos.col - b.pos.col;
  for (const node of [...nodes].sort(bySource)) {
    if (node.kind !== "service" || node.props.run?.on !== "eks") continue;
    const run = node.props.run;
    const cluster = clusters.get(run.cluster.name);
    if (!cluster) continue;
    const groups = Object.keys(cluster.props.nodeGroups);
    if (!groups.includes(run.nodeGroup)) {
      const suggestion = closest(run.nodeGroup, groups);
      out.push(
        diagnostic(at(node, ["run", "nodeGroup"]), "NOROS3084", `service "${node.name}" runs on node group "${run.nodeGroup}", which cluster "${cluster.name}" does not have`, {
          hint: suggestion ? `did you mean "${suggestion}"? (the cluster has ${groups.join(", ")})` : `the cluster has ${groups.join(", ")}`,
        }),
      );
    }
    if (run.autoscale && !cluster.props.monitoring) {
      out.push(
        diagnostic(at(node, ["run", "autoscale"]), "NOROS3083", `service "${node.name}" autoscales on ${run.autoscale.metric.counter}, but cluster "${cluster.name}" has no monitoring to measure it`, {
          hint: "give the cluster monitoring: { nodeGroup, alerts }: Prometheus scrapes the counter and its adapter serves the rate to the autoscaler",
        }),
      );
    }
    if (run.ingress && !cluster.props.ingress) {
      out.push(diagnostic(at(node, ["run", "ingress"]), "NOROS3085", `service "${node.name}" asks for an ingress route, but cluster "${cluster.name}" has no ingress`, { hint: "give the cluster ingress: { nodeGroup }" }));
    }
    if (run.ingress) {
      const key = `${cluster.name} ${run.ingress.host ?? "*"} ${run.ingress.path}`;
      const taken = routes.get(key);
      if (taken) out.push(diagnostic(at(node, ["run", "ingress"]), "NOROS3087", `service "${node.name}" and service "${taken.name}" both claim ${run.ingress.host ?? "any host"} ${run.ingress.path} on cluster "${cluster.name}"`, { hint: "give one of them another path or host" }));
      else routes.set(key, node);
    }
    if (run.tls && !cluster.props.certificateAuthority) {
      out.push(diagnostic(at(node, ["run", "tls"]), "NOROS3086", `service "${node.name}" serves TLS, but cluster "${cluster.name}" has no certificate authority to issue its certificate`, { hint: "give the cluster certificateAuthority: { nodeGroup }" }));
    } else if (run.tls && run.tls.port === node.props.port) {
      out.push(diagnostic(at(node, ["run", "tls", "port"]), "NOROS3086", `service "${node.name}" serves TLS on ${run.tls.port}, its plain HTTP port`, { hint: "use another port for TLS, e.g. 8443" }));
    }
  }

  for (const node of nodes) {
    for (const found of findReferences(node.props)) {
      if (!("ref" in found) || found.ref.kind !== "cluster" || found.ref.attribute !== "ingressHostname") continue;
      const cluster = clusters.get(found.ref.name);
      if (cluster && !cluster.props.ingress) {
        out.push(diagnostic(at(node, found.path), "NOROS3088", `cluster "${cluster.name}" has no ingress, so it has no ingressHostname`, { hint: "give the cluster ingress: { nodeGroup }" }));
      }
    }
  }
  return out;
}
