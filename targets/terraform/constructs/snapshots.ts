import type { Graph, GraphNode } from "../../../compiler/graph.js";
import { systemTags } from "../default-tags.js";
import type { TerraformDocument } from "../document.js";
import { interpolate } from "../expression.js";
import { partitionOf } from "../metric-alarm.js";
import { localName, nameTag, physicalName } from "../naming.js";
import { policyDocument } from "../policy-document.js";

/**
 * S1.5: a DLM lifecycle policy per host, targeting the volumes tagged with that host (its launch
 * template tags the root volume, `volume` tags the attached ones; the value carries the name prefix,
 * so two deployments never snapshot each other's volumes; one policy per host because a policy's
 * target tags are a map, one value per key). DLM acts through a role only it may assume, holding
 * AWS's managed policy for snapshot policies (create, tag and delete snapshots, describe volumes).
 * Snapshots carry the volume's tags and the system's, so `noros test --sweep` finds them: deleting
 * the policy does not delete them.
 */
export function lowerSnapshots(node: GraphNode<"snapshots">, tf: TerraformDocument, graph: Graph): void {
  const n = node.name;
  const { props } = node;
  const assume = tf.data(
    "aws_iam_policy_document",
    localName(n, "assume"),
    policyDocument([{ sid: "DlmAssumeRole", actions: ["sts:AssumeRole"], principals: [{ type: "Service", identifiers: ["dlm.amazonaws.com"] }] }]),
    n,
  );
  tf.resource("aws_iam_role", n, { name: physicalName(n), assume_role_policy: interpolate(`${assume}.json`), tags: nameTag(n) }, n);
  tf.resource(
    "aws_iam_role_policy_attachment",
    localName(n, "dlm"),
    { role: interpolate(`aws_iam_role.${n}.name`), policy_arn: `arn:${partitionOf(graph.system.props.region)}:iam::aws:policy/service-role/AWSDataLifecycleManagerServiceRole` },
    n,
  );
  for (const host of [...props.hosts].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    tf.resource(
      "aws_dlm_lifecycle_policy",
      localName(n, host.name),
      {
        // DLM allows only letters, digits, spaces, hyphens and underscores here; construct names qualify.
        description: `noros snapshots ${n} of host ${host.name}`,
        execution_role_arn: interpolate(`aws_iam_role.${n}.arn`),
        state: "ENABLED",
        policy_details: {
          policy_type: "EBS_SNAPSHOT_MANAGEMENT",
          resource_types: ["VOLUME"],
          resource_locations: ["CLOUD"],
          target_tags: { "noros:host": physicalName(host.name) },
          schedule: [
            {
              name: "daily",
              create_rule: { interval: 24, interval_unit: "HOURS", times: [props.time] },
              retain_rule: { interval: props.retainDays, interval_unit: "DAYS" },
              copy_tags: true,
              tags_to_add: { ...systemTags(graph.system), "noros:snapshots": physicalName(n) },
            },
          ],
        },
        tags: nameTag(n, host.name),
        depends_on: [`aws_iam_role_policy_attachment.${localName(n, "dlm")}`],
      },
      n,
    );
  }
}
