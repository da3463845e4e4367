import type { CheckedNode } from "../check/check.js";
import { positionOfPath } from "../check/positions.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { AnyNode, GraphNode } from "../graph.js";

/**
 * What an image build needs of the constructs it names: a source bucket restricted to a network can
 * be read only from inside that network (its policy denies other reads), so the build must run there;
 * a build in a network pulls base images and reaches ECR through the network's NAT gateway, from its
 * private subnets.
 */
export function imageBuildConsistency(nodes: readonly AnyNode[], byName: ReadonlyMap<string, CheckedNode>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const buckets = new Map(nodes.filter((n): n is GraphNode<"bucket"> => n.kind === "bucket").map((n) => [n.name, n]));
  const services = new Map(nodes.filter((n): n is GraphNode<"service"> => n.kind === "service").map((n) => [n.name, n]));
  const networks = new Map(nodes.filter((n): n is GraphNode<"network"> => n.kind === "network").map((n) => [n.name, n]));
  for (const node of nodes) {
    if (node.kind !== "image-build") continue;
    const at = (property: string) => positionOfPath(byName.get(node.name) as never, [property], node.pos);
    const bucket = buckets.get(node.props.source.name);
    const restrictedTo = bucket?.props.restrictTo?.name;
    if (restrictedTo !== undefined && node.props.network?.name !== restrictedTo) {
      out.push(
        diagnostic(at(node.props.network ? "network" : "source"), "NOROS3054", `image build "${node.name}" could not read bucket "${bucket?.name}": the bucket is restricted to network "${restrictedTo}" and the build ${node.props.network ? `runs in network "${node.props.network.name}"` : "runs outside any network"}`, {
          hint: `give the build network: the network "${restrictedTo}"`,
        }),
      );
    }
    (node.props.pullers as Array<{ kind: string; name: string }>).forEach((puller, index) => {
      if (puller.kind !== "service" || services.get(puller.name)?.props.run) return;
      out.push(
        diagnostic(positionOfPath(byName.get(node.name) as never, ["pullers", String(index)], node.pos), "NOROS3007", `service "${puller.name}" may pull from image build "${node.name}" but does not run in the cloud, so it has no role to hold the permission`, {
          hint: "give the service run: { on: \"ecs\", network } or run: { on: \"eks\", cluster }",
        }),
      );
    });
    const network = node.props.network ? networks.get(node.props.network.name) : undefined;
    if (network && (network.props.privateSubnets.length === 0 || !network.props.natGateway)) {
      out.push(
        diagnostic(at("network"), "NOROS3055", `image build "${node.name}" runs in network "${network.name}", which has ${network.props.privateSubnets.length === 0 ? "no private subnets" : "no NAT gateway"}: the build could not pull base images or reach ECR`, {
          hint: "give the network private subnets and natGateway: true",
        }),
      );
    }
  }
  return out;
}
