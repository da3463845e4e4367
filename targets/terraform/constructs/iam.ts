import type { Grant, Graph, GraphNode } from "../../../compiler/graph.js";
import type { TerraformDocument } from "../document.js";
import { interpolate } from "../expression.js";
import { localName, physicalName } from "../naming.js";
import { policyDocument } from "../policy-document.js";
import { principalAttachments } from "../principals.js";

export function lowerGroup(node: GraphNode<"group">, tf: TerraformDocument): void {
  tf.resource("aws_iam_group", node.name, { name: physicalName(node.name) }, node.name);
}

/** A user with no console password and no access keys: credentials are issued outside Terraform state. */
export function lowerUser(node: GraphNode<"user">, tf: TerraformDocument): void {
  const n = node.name;
  tf.resource("aws_iam_user", n, { name: physicalName(n), force_destroy: false }, n);
  if (node.props.groups.length > 0) {
    tf.resource(
      "aws_iam_user_group_membership",
      n,
      { user: interpolate(`aws_iam_user.${n}.name`), groups: node.props.groups.map((g) => interpolate(`aws_iam_group.${g.name}.name`)) },
      n,
    );
  }
}

/**
 * Every principal's derived grants as one policy on that principal: an inline role policy for hosts,
 * a user policy or a group policy otherwise.
 */
export function lowerGrants(graph: Graph, tf: TerraformDocument): void {
  const byPrincipal = new Map<string, Grant[]>();
  for (const grant of graph.grants) {
    const key = `${grant.principal.kind}\u0000${grant.principal.name}`;
    byPrincipal.set(key, [...(byPrincipal.get(key) ?? []), grant]);
  }
  for (const key of [...byPrincipal.keys()].sort()) {
    const grants = byPrincipal.get(key) as Grant[];
    const principal = (grants[0] as Grant).principal;
    const n = principal.name;
    const document = tf.data("aws_iam_policy_document", localName(n, "grants"), policyDocument(grants.map((g) => ({ sid: g.sid, actions: g.actions, resources: g.resources, ...(g.conditions ? { conditions: g.conditions } : {}) }))), n);
    const policy = interpolate(`${document}.json`);
    const name = physicalName(n, "grants");
    const attachment = principalAttachments[principal.kind];
    if (!attachment) throw new Error(`internal: a ${principal.kind} cannot hold grants`);
    if (attachment.type === "role") tf.resource("aws_iam_role_policy", localName(n, "grants"), { name, role: interpolate(`${attachment.role(n)}.id`), policy }, n);
    if (attachment.type === "user") tf.resource("aws_iam_user_policy", localName(n, "grants"), { name, user: interpolate(`aws_iam_user.${n}.name`), policy }, n);
    if (attachment.type === "group") tf.resource("aws_iam_group_policy", localName(n, "grants"), { name, group: interpolate(`aws_iam_group.${n}.name`), policy }, n);
  }
}
