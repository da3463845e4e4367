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
    if (e.kind !== "grants") edges.push({ from: e.from, to: e.to, label: e.via, style: "dependency" });
  }
  const permissions = new Map<string, Set<string>>();
  for (const g of graph.grants) {
    for (const resource of g.resources) {
      for (const part of resource.parts) {
        if (typeof part === "string") continue;
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
  // One edge per source and host, listing its ports: a cluster opens a dozen, which as separate edges
  // would bury the picture.
  for (const n of graph.nodes) {
    if (n.kind !== "host" && n.kind !== "host-group") continue;
    const portsBySource = new Map<string, string[]>();
    for (const rule of n.props.ingress) {
      const id = `cidr ${rule.from}`;
      sources.set(id, { id, label: rule.from, kind: "cidr" });
      portsBySource.set(id, [...(portsBySource.get(id) ?? []), `${rule.protocol}/${rule.port}`]);
    }
    for (const [id, ports] of portsBySource) edges.push({ from: id, to: n.name, label: ports.join(", "), style: "flow" });
  }
  const byKey = (e: ViewEdge) => `${e.from}\u0000${e.to}\u0000${e.style}\u0000${e.label}`;
  return {
    title: graph.system.name,
    nodes: [...nodes, ...[...sources.values()].sort((a, b) => (a.id < b.id ? -1 : 1))],
    edges: edges.sort((a, b) => (byKey(a) < byKey(b) ? -1 : byKey(a) > byKey(b) ? 1 : 0)),
  };
}
