import { nodeNamed, type Graph, type GraphNode } from "../../../compiler/graph.js";
import { moduleFlows } from "../../../compiler/util/module-flows.js";
import type { TerraformDocument } from "../document.js";
import { interpolate } from "../expression.js";
import { localName } from "../naming.js";
import { allowIngress, securityGroupOf } from "../security-groups.js";

/**
 * The security group rules of a host's NixOS modules: each inbound port a module opens in the NixOS
 * firewall is admitted here from the same range (compiler/util/module-flows.ts is the one list both
 * targets read), and the ports a module reaches its peers on are let out to the network only.
 */
export function lowerHostModuleRules(node: GraphNode<"host"> | GraphNode<"host-group">, tf: TerraformDocument, graph: Graph): void {
  const network = nodeNamed(graph, node.props.network.name);
  if (network?.kind !== "network" || node.props.modules.length === 0) return;
  const n = node.name;
  for (const f of moduleFlows(node.props.modules, network.props.cidr)) {
    const range = f.port === f.toPort ? `${f.port}` : `${f.port}_${f.toPort}`;
    const name = localName(n, f.module, f.direction === "ingress" ? "in" : "out", f.protocol, range);
    const description = `${f.description} (${f.protocol}/${f.port === f.toPort ? f.port : `${f.port}-${f.toPort}`})`;
    if (f.direction === "ingress") {
      allowIngress(tf, { to: securityGroupOf(node.kind, n), name, from: { cidr: f.cidr }, port: f.port, toPort: f.toPort, protocol: f.protocol, description, origin: n });
      continue;
    }
    tf.resource(
      "aws_vpc_security_group_egress_rule",
      name,
      { security_group_id: interpolate(`${securityGroupOf(node.kind, n)}.id`), description, ip_protocol: f.protocol, from_port: f.port, to_port: f.toPort, cidr_ipv4: f.cidr },
      n,
    );
  }
}
