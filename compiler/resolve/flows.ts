/**
 * Flows: the traffic each construct admits, derived from what the system declares. Security groups
 * (Terraform) and host firewalls (NixOS) are both lowered from this one list, so they cannot disagree.
 */
import type { FlowFromValue } from "../../dsl/schemas/flow.js";
import type { CheckedNode } from "../check/check.js";
import { positionOfPath } from "../check/positions.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { AnyNode, Flow, FlowKind, FlowOrigin, GraphNode } from "../graph.js";

const originOf = (from: FlowFromValue): FlowOrigin => (typeof from === "string" ? { cidr: from } : from);
const describe = (from: FlowFromValue): string => (typeof from === "string" ? from : from.name);

/** The network a construct's security group lives in, if it has one. */
export function networkOf(node: AnyNode): string | undefined {
  if (node.kind === "host" || node.kind === "host-group") return node.props.network.name;
  // A service on EKS runs on the cluster's nodes, whose security groups EKS manages.
  if (node.kind === "service") return node.props.run?.on === "ecs" ? node.props.run.network.name : undefined;
  if (node.kind === "load-balancer") return node.props.network.name;
  return undefined;
}

export function deriveFlows(nodes: readonly AnyNode[]): Flow[] {
  const flows: Flow[] = [];
  const balanced = new Set(
    nodes.flatMap((n) => (n.kind === "load-balancer" ? n.props.listeners.flatMap((l) => (l.forward?.to ?? []).filter((t) => t.kind === "service").map((t) => t.name)) : [])),
  );
  for (const node of nodes) {
    if (node.kind === "host" || node.kind === "host-group") {
      const to = { $noros: "use", kind: node.kind, name: node.name } as const;
      node.props.ingress.forEach((rule, i) => {
        flows.push({
          to,
          from: originOf(rule.from),
          port: rule.port,
          protocol: rule.protocol,
          description: rule.description ?? `${rule.protocol}/${rule.port} from ${describe(rule.from)}`,
          label: ["ingress", i],
          declaredBy: node.name,
        });
      });
    }
    if (node.kind === "service" && node.props.run?.on === "ecs") {
      const { run, port } = node.props;
      const to = { $noros: "use", kind: "service", name: node.name } as const;
      // Behind a load balancer, only the load balancer may reach the tasks (its flows follow below).
      if (run.ingress === undefined && !balanced.has(node.name)) {
        flows.push({ to, from: { network: run.network.name }, port, protocol: "tcp", description: `tcp/${port} from inside the VPC`, label: ["service_port"], declaredBy: node.name });
      } else {
        (run.ingress ?? []).forEach((rule, i) => {
          flows.push({ to, from: originOf(rule.from), port, protocol: "tcp", description: rule.description ?? `tcp/${port} from ${describe(rule.from)}`, label: ["ingress", i], declaredBy: node.name });
        });
      }
    }
  }
  // Declared flows first, so that a host's own `from: lb` entry keeps its name over the derived one.
  for (const node of nodes) if (node.kind === "load-balancer") flows.push(...loadBalancerFlows(node, nodes));
  return dedupeFlows(flows);
}

/**
 * A load balancer admits its clients on each listener, and each target admits the load balancer on
 * the target port and on the health check port (probes are traffic too).
 */
function loadBalancerFlows(lb: GraphNode<"load-balancer">, nodes: readonly AnyNode[]): Flow[] {
  const flows: Flow[] = [];
  // Probes after traffic, so that a probe on a port traffic uses already is described as traffic.
  const probes: Flow[] = [];
  const self = { $noros: "use", kind: "load-balancer", name: lb.name } as const;
  const clients: FlowOrigin[] = lb.props.clients?.map((cidr) => ({ cidr })) ?? [lb.props.internal ? { network: lb.props.network.name } : { cidr: "0.0.0.0/0" }];
  lb.props.listeners.forEach((listener, i) => {
    const protocol = listener.protocol === "udp" ? "udp" : "tcp";
    clients.forEach((from, j) => {
      const who = "cidr" in from ? from.cidr : "the network";
      flows.push({ to: self, from, port: listener.port, protocol, description: `${listener.protocol}/${listener.port} from ${who}`, label: ["listener", i, j], declaredBy: lb.name });
    });
    const forward = listener.forward;
    if (!forward) return;
    for (const target of forward.to) {
      const service = target.kind === "service" ? nodes.find((n): n is GraphNode<"service"> => n.kind === "service" && n.name === target.name) : undefined;
      const port = forward.port ?? service?.props.port ?? listener.port;
      const to = { $noros: "use", kind: target.kind, name: target.name } as const;
      flows.push({ to, from: self, port, protocol, description: `${protocol}/${port} from load balancer ${lb.name}`, label: ["from", lb.name, protocol, port], declaredBy: lb.name });
      const probe = forward.healthCheck.port ?? port;
      // Health checks always travel over TCP (a UDP target group is probed over TCP or HTTP).
      if (probe !== port || protocol === "udp") {
        probes.push({ to, from: self, port: probe, protocol: "tcp", description: `health checks (tcp/${probe}) from load balancer ${lb.name}`, label: ["from", lb.name, "tcp", probe], declaredBy: lb.name });
      }
    }
  });
  return [...flows, ...probes];
}

/** The same traffic admitted twice would be two identical rules, which EC2 refuses: the first declaration wins. */
function dedupeFlows(flows: readonly Flow[]): Flow[] {
  const key = (f: Flow) => {
    const from = "cidr" in f.from ? `cidr ${f.from.cidr}` : "network" in f.from ? `network ${f.from.network}` : `${f.from.kind} ${f.from.name}`;
    return `${f.to.kind} ${f.to.name}\u0000${from}\u0000${f.protocol}/${f.port}`;
  };
  const seen = new Set<string>();
  return flows.filter((f) => {
    const k = key(f);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** A flow's sender must own a security group in the receiver's network. */
export function flowDiagnostics(nodes: readonly AnyNode[], byName: ReadonlyMap<string, CheckedNode>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const named = new Map(nodes.map((n) => [n.name, n]));
  const check = (receiver: AnyNode, from: FlowFromValue, path: string[]) => {
    if (typeof from === "string") return;
    const sender = named.get(from.name);
    if (!sender || sender.kind !== from.kind) return; // NOROS3002 already reported it
    const at = positionOfPath(byName.get(receiver.name) as never, path, receiver.pos);
    const senderNetwork = networkOf(sender);
    if (senderNetwork === undefined) {
      out.push(
        diagnostic(at, "NOROS3060", `${receiver.kind} "${receiver.name}" admits traffic from ${sender.kind} "${sender.name}", which does not run in the cloud and so has no security group to admit`, {
          hint: 'give the service run: { on: "ecs", network }, or admit an address range instead',
        }),
      );
      return;
    }
    const receiverNetwork = networkOf(receiver);
    if (receiverNetwork !== undefined && senderNetwork !== receiverNetwork) {
      out.push(
        diagnostic(at, "NOROS3061", `${receiver.kind} "${receiver.name}" (network "${receiverNetwork}") admits traffic from ${sender.kind} "${sender.name}" in network "${senderNetwork}": a security group can only name groups of its own VPC`, {
          hint: "put both in one network, or admit the sender's address range",
        }),
      );
    }
  };
  for (const node of nodes) {
    if (node.kind === "host" || node.kind === "host-group") node.props.ingress.forEach((rule, i) => check(node, rule.from, ["ingress", String(i), "from"]));
    if (node.kind === "service" && node.props.run?.on === "ecs") node.props.run.ingress?.forEach((rule, i) => check(node, rule.from, ["run", "ingress", String(i), "from"]));
  }
  return out;
}

export type { FlowKind };
