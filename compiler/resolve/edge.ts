/**
 * What the edge constructs ask of each other: a load balancer's targets run in its network and can be
 * registered, names stay inside their zones, a failover has two different origins, each of them a load
 * balancer (a cluster's only through its ingress).
 */
import { insideZone } from "../../dsl/schemas/domain.js";
import type { CheckedNode } from "../check/check.js";
import { positionOfPath } from "../check/positions.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { AnyNode, GraphNode } from "../graph.js";
import { networkOf } from "./flows.js";

export function edgeDiagnostics(nodes: readonly AnyNode[], byName: ReadonlyMap<string, CheckedNode>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const named = new Map(nodes.map((n) => [n.name, n]));
  const at = (node: AnyNode, path: string[]) => positionOfPath(byName.get(node.name) as never, path, node.pos);
  const zoneDomain = (name: string) => {
    const zone = named.get(name);
    return zone?.kind === "dns-zone" ? zone.props.domain : undefined;
  };

  for (const node of nodes) {
    if (node.kind === "load-balancer") out.push(...loadBalancerDiagnostics(node, named, at));
    if (node.kind === "certificate") {
      const domain = zoneDomain(node.props.zone.name);
      if (domain === undefined) continue;
      [node.props.domain, ...node.props.alternativeNames].forEach((name, i) => {
        // A wildcard is validated by the record of the name below it.
        if (insideZone(name.startsWith("*.") ? name.slice(2) : name, domain)) return;
        out.push(
          diagnostic(at(node, i === 0 ? ["domain"] : ["alternativeNames", String(i - 1)]), "NOROS3065", `certificate "${node.name}" is for ${name}, which is not in zone "${node.props.zone.name}" (${domain}): ACM's validation record could not be written there`, {
            hint: `use a name ending in .${domain}, or the zone that holds ${name}`,
          }),
        );
      });
    }
    if (node.kind === "dns-record" || node.kind === "failover") {
      const domain = zoneDomain(node.props.zone.name);
      if (domain !== undefined && !insideZone(node.props.name, domain)) {
        out.push(diagnostic(at(node, ["name"]), "NOROS3066", `${node.kind} "${node.name}" names ${node.props.name}, which is not in zone "${node.props.zone.name}" (${domain})`, { hint: `use ${domain} or a name ending in .${domain}` }));
      }
    }
    if (node.kind === "failover") {
      const { primary, secondary } = node.props;
      if (primary.kind === secondary.kind && primary.name === secondary.name) {
        const what = primary.kind === "cluster" ? "cluster ingress" : "load balancer";
        out.push(diagnostic(at(node, ["secondary"]), "NOROS3068", `failover "${node.name}" has the same ${what} as primary and secondary, so it can fail over to nothing`, { hint: "give the secondary another origin (another region's load balancer, for example)" }));
      }
      for (const role of ["primary", "secondary"] as const) {
        const origin = named.get(node.props[role].name);
        if (origin?.kind === "cluster" && !origin.props.ingress) {
          out.push(diagnostic(at(node, [role]), "NOROS3069", `failover "${node.name}" points its ${role} at cluster "${origin.name}", which has no ingress and so no load balancer to point at`, { hint: "give the cluster ingress: { nodeGroup }" }));
        }
      }
    }
  }
  return out;
}

function loadBalancerDiagnostics(lb: GraphNode<"load-balancer">, named: ReadonlyMap<string, AnyNode>, at: (node: AnyNode, path: string[]) => ReturnType<typeof positionOfPath>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const network = named.get(lb.props.network.name);
  if (network?.kind === "network") {
    const kind = lb.props.internal ? "private" : "public";
    const subnets = lb.props.internal ? network.props.privateSubnets : network.props.publicSubnets;
    const zones = Math.min(subnets.length, network.props.availabilityZones);
    // An application load balancer needs subnets in two availability zones; a network one, one subnet.
    const needed = lb.props.type === "application" ? 2 : 1;
    if (zones < needed) {
      out.push(
        diagnostic(at(lb, ["network"]), "NOROS3067", `${lb.props.type} load balancer "${lb.name}" needs ${kind} subnets in ${needed} availability zone${needed > 1 ? "s" : ""}, but network "${network.name}" has them in ${zones}`, {
          hint: `give the network ${needed > 1 ? "two " : ""}${kind} subnets${needed > 1 ? " and availabilityZones of at least 2" : ""}`,
        }),
      );
    }
  }
  lb.props.listeners.forEach((listener, i) => {
    const targets = listener.forward?.to ?? [];
    const kinds = new Set(targets.map((t) => t.kind));
    if (kinds.size > 1) {
      out.push(diagnostic(at(lb, ["listeners", String(i), "forward", "to"]), "NOROS3064", `listener ${i} of "${lb.name}" forwards to hosts and services at once: hosts are registered by instance, a service's tasks by IP, and one target group holds one kind`, { hint: "give each kind its own listener" }));
    }
    targets.forEach((target, j) => {
      const node = named.get(target.name);
      if (!node || node.kind !== target.kind) return; // NOROS3002 already
      const path = ["listeners", String(i), "forward", "to", String(j)];
      const where = networkOf(node);
      if (where === undefined) {
        out.push(diagnostic(at(lb, path), "NOROS3062", `load balancer "${lb.name}" forwards to service "${node.name}", which does not run in the cloud`, { hint: 'give the service run: { on: "ecs", network }' }));
        return;
      }
      if (where !== lb.props.network.name) {
        out.push(diagnostic(at(lb, path), "NOROS3063", `load balancer "${lb.name}" (network "${lb.props.network.name}") forwards to ${node.kind} "${node.name}" in network "${where}"`, { hint: "a load balancer reaches targets of its own VPC: put both in one network" }));
      }
      if (node.kind === "service") {
        if (listener.protocol === "udp") {
          out.push(diagnostic(at(lb, path), "NOROS3064", `service "${node.name}" listens on tcp/${node.props.port}, so a udp listener cannot forward to it`));
        } else if (listener.forward?.port !== undefined && listener.forward.port !== node.props.port) {
          out.push(diagnostic(at(lb, ["listeners", String(i), "forward", "port"]), "NOROS3064", `listener ${i} of "${lb.name}" forwards to port ${listener.forward.port}, but service "${node.name}" listens on ${node.props.port}`, { hint: "leave port out: a service's target port is its own" }));
        }
      }
    });
  });
  return out;
}
