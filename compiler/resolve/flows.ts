/**
 * Flows: the traffic each construct admits, derived from what the system declares. Security groups
 * (Terraform) and host firewalls (NixOS) are both lowered from this one list, so they cannot disagree.
 */
import type { FlowFromValue } from "../../dsl/schemas/flow.js";
import type { CheckedNode } from "../check/check.js";
import { positionOfPath } from "../check/positions.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { AnyNode, Flow, FlowKind, FlowOrigin } from "../graph.js";

const originOf = (from: FlowFromValue): FlowOrigin => (typeof from === "string" ? { cidr: from } : from);
const describe = (from: FlowFromValue): string => (typeof from === "string" ? from : from.name);

/** The network a construct's security group lives in, if it has one. */
export function networkOf(node: AnyNode): string | undefined {
  if (node.kind === "host") return node.props.network.name;
  if (node.kind === "service") return node.props.run?.network.name;
  return undefined;
}

export function deriveFlows(nodes: readonly AnyNode[]): Flow[] {
  const flows: Flow[] = [];
  for (const node of nodes) {
    if (node.kind === "host") {
      const to = { $noros: "use", kind: "host", name: node.name } as const;
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
    if (node.kind === "service" && node.props.run) {
      const { run, port } = node.props;
      const to = { $noros: "use", kind: "service", name: node.name } as const;
      if (run.ingress === undefined) {
        flows.push({ to, from: { network: run.network.name }, port, protocol: "tcp", description: `tcp/${port} from inside the VPC`, label: ["service_port"], declaredBy: node.name });
      } else {
        run.ingress.forEach((rule, i) => {
          flows.push({ to, from: originOf(rule.from), port, protocol: "tcp", description: rule.description ?? `tcp/${port} from ${describe(rule.from)}`, label: ["ingress", i], declaredBy: node.name });
        });
      }
    }
  }
  return dedupeFlows(flows);
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
    if (node.kind === "host") node.props.ingress.forEach((rule, i) => check(node, rule.from, ["ingress", String(i), "from"]));
    if (node.kind === "service") node.props.run?.ingress?.forEach((rule, i) => check(node, rule.from, ["run", "ingress", String(i), "from"]));
  }
  return out;
}

export type { FlowKind };
