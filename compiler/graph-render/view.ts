import type { Graph } from "../graph.js";

export interface ViewNode {
  readonly id: string;
  readonly label: string;
  readonly kind: string;
}

export interface ViewEdge {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  readonly style: "dependency" | "permission" | "flow";
}

export interface GraphView {
  readonly title: string;
  readonly nodes: readonly ViewNode[];
  readonly edges: readonly ViewEdge[];
}

/**
 * What a picture of the system shows: constructs, the references between them, the permissions their
 * relationships grant (principal -> resource, labelled with the actions) and inbound network flows.
 */
export function graphView(graph: Graph): GraphView {
  const nodes: ViewNode[] = graph.nodes.map((n) => ({ id: n.name, label: `${n.kind} ${n.name}`, kind: n.kind }));
  const edges: ViewEdge[] = [];
  for (const e of graph.edges) {
    if (e.kind === "uses" || e.kind === "refers") edges.push({ from: e.from, to: e.to, label: e.via, style: "dependency" });
  }
  const permissions = new Map<string, Set<string>>();
  for (const g of graph.grants) {
    for (const resource of g.resources) {
      for (const part of resource.parts) {
        // A construct's grant on a part of itself (a function's own log group) is no relationship to draw.
        if (typeof part === "string" || part.name === g.principal.name) continue;
        const key = `${g.principal.name}\u0000${part.name}`;
        const actions = permissions.get(key) ?? new Set<string>();
        g.actions.forEach((a) => actions.add(a));
        permissions.set(key, actions);
      }
    }
  }
  for (const [key, actions] of permissions) {
    const [from, to] = key.split("\u0000") as [string, string];
    edges.push({ from, to, label: [...actions].sort().join(", "), style: "permission" });
  }
  const sources = new Map<string, ViewNode>();
  // One edge per source and receiver, listing its ports: a cluster opens a dozen, which as separate
  // edges would bury the picture. A service's default "anything in its network" flow is left out: the
  // dependency edge on the network shows it already.
  const portsBySource = new Map<string, { from: string; to: string; ports: string[] }>();
  for (const flow of graph.flows) {
    if ("network" in flow.from) continue;
    let from: string;
    if ("cidr" in flow.from) {
      from = `cidr ${flow.from.cidr}`;
      sources.set(from, { id: from, label: flow.from.cidr, kind: "cidr" });
    } else {
      from = flow.from.name;
    }
    const key = `${from}\u0000${flow.to.name}`;
    const entry = portsBySource.get(key) ?? { from, to: flow.to.name, ports: [] };
    entry.ports.push(`${flow.protocol}/${flow.port}`);
    portsBySource.set(key, entry);
  }
  for (const { from, to, ports } of portsBySource.values()) edges.push({ from, to, label: ports.join(", "), style: "flow" });
  // A database's or cache's clients are flows too: the only traffic its security group admits.
  for (const n of graph.nodes) {
    if (n.kind !== "database" && n.kind !== "cache") continue;
    const port = n.kind === "database" ? 5432 : n.props.port; // 5432: the port noros gives every RDS instance
    for (const client of n.props.clients) edges.push({ from: client.name, to: n.name, label: `tcp/${port}`, style: "flow" });
  }
  const byKey = (e: ViewEdge) => `${e.from}\u0000${e.to}\u0000${e.style}\u0000${e.label}`;
  return {
    title: graph.system.name,
    nodes: [...nodes, ...[...sources.values()].sort((a, b) => (a.id < b.id ? -1 : 1))],
    edges: edges.sort((a, b) => (byKey(a) < byKey(b) ? -1 : byKey(a) > byKey(b) ? 1 : 0)),
  };
}
