import { positionOfPath } from "../check/positions.js";
import type { CheckedNode } from "../check/check.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { AnyNode, GraphNode } from "../graph.js";

/**
 * What compute constructs ask of each other: a host group's subnets exist. Kept apart from the
 * general consistency checks so that each construct's rules stay beside each other.
 */
export function computeConsistency(nodes: readonly AnyNode[], byName: ReadonlyMap<string, CheckedNode>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (node: AnyNode, path: readonly string[]) => positionOfPath(byName.get(node.name) as never, [...path], node.pos);
  const networks = new Map(nodes.filter((n): n is GraphNode<"network"> => n.kind === "network").map((n) => [n.name, n]));
  const devices = new Map<string, string>();
  for (const node of nodes) {
    if (node.kind === "volume") {
      const key = `${node.props.host.name}\u0000${node.props.device}`;
      const first = devices.get(key);
      if (first) {
        out.push(diagnostic(at(node, ["device"]), "NOROS3040", `volumes "${first}" and "${node.name}" are both attached to host "${node.props.host.name}" as ${node.props.device}`, { hint: "give each volume of a host its own device (/dev/sdf to /dev/sdp)" }));
      } else devices.set(key, node.name);
    }
    if (node.kind === "host-group") {
      const net = networks.get(node.props.network.name);
      const subnets = node.props.subnet === "public" ? net?.props.publicSubnets : net?.props.privateSubnets;
      if (net && subnets && subnets.length === 0) {
        out.push(diagnostic(at(node, ["subnet"]), "NOROS3005", `host group "${node.name}" wants ${node.props.subnet} subnets, but network "${net.name}" has none`));
      }
    }
  }
  return out;
}
