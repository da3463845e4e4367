import type { Grant, GraphNode, TextValue, Use } from "../graph.js";
import { pascal } from "./grants.js";

const literalText = (text: string): TextValue => ({ $noros: "text", parts: [text] });
const logGroupArn = (name: string, suffix = ""): TextValue => ({
  $noros: "text",
  parts: [{ $noros: "ref", kind: "log-group", name, attribute: "arn" }, ...(suffix ? [suffix] : [])],
});

/**
 * What a host's NixOS modules need from AWS, derived like any other grant:
 * - Consul and Nomad cloud auto-join lists instances by tag: ec2:DescribeInstances, which AWS does not
 *   scope to resources (the only resource it accepts is "*"); it reads, never changes, anything.
 * - A log pipeline writes to exactly its log groups: streams created in them and events put into them
 *   (DescribeLogStreams on the same groups, which Vector calls to find its stream).
 */
export function moduleGrants(host: GraphNode<"host"> | GraphNode<"host-group">): Grant[] {
  const self: Use<"host" | "host-group"> = { $noros: "use", kind: host.kind, name: host.name };
  const grants: Grant[] = [];
  const joins = host.props.modules.filter((m) => m.module === "consul" || m.module === "nomad");
  if (joins.length > 0) {
    grants.push({
      principal: self,
      sid: "DiscoverClusterPeers",
      actions: ["ec2:DescribeInstances"],
      resources: [literalText("*")],
      reason: `${joins.map((m) => m.module).join(" and ")} retry_join by EC2 tags`,
    });
  }
  const logGroups = [...new Set(host.props.modules.flatMap((m) => (m.module === "log-pipeline" ? [m.options.to.name, ...m.options.routes.map((r) => r.to.name)] : [])))].sort();
  for (const group of logGroups) {
    grants.push({
      principal: self,
      sid: `ShipLogsTo${pascal(group)}`,
      actions: ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"],
      // The group's ARN and its streams' (the provider's arn has no ":*" suffix).
      resources: [logGroupArn(group), logGroupArn(group, ":log-stream:*")],
      reason: `log pipeline shipping to log group "${group}"`,
    });
  }
  return grants;
}
