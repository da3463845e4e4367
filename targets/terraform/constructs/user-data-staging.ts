import type { Graph } from "../../../compiler/graph.js";
import type { TerraformDocument } from "../document.js";
import { stagedObjectName, stagedUserData, type InstanceNode } from "../host-user-data.js";
import { interpolate } from "../expression.js";
import { localName, physicalName } from "../naming.js";
import { policyDocument } from "../policy-document.js";
import { DELIVERY } from "./delivery.js";

/**
 * A host whose user data is over EC2's 16 KB limit: the whole user data becomes an object in the
 * delivery bucket (keyed by its hash, so a change is a new object and a new fetch), and the host's role
 * may read that one key. The instance's user data is then the short fetch-and-run script
 * (host-user-data.ts), which names the object and so is created after it.
 */
export function lowerUserDataStaging(node: InstanceNode, tf: TerraformDocument, graph: Graph): void {
  const staged = stagedUserData(node, graph);
  if (staged === undefined) return;
  const n = node.name;
  const object = stagedObjectName(n);
  tf.resource(
    "aws_s3_object",
    object,
    // Not literal(): the environment part holds Terraform expressions (deployed values) to fill in.
    { bucket: interpolate(`aws_s3_bucket.${DELIVERY}.id`), key: staged.key, content: staged.content, content_type: "text/x-shellscript; charset=utf-8" },
    n,
  );
  const document = tf.data(
    "aws_iam_policy_document",
    localName(n, "user_data"),
    policyDocument([{ sid: "ReadOwnUserData", actions: ["s3:GetObject"], resources: [`${interpolate(`aws_s3_bucket.${DELIVERY}.arn`)}/${staged.key}`] }]),
    n,
  );
  tf.resource("aws_iam_role_policy", localName(n, "user_data"), { name: physicalName(n, "user-data"), role: interpolate(`aws_iam_role.${n}.id`), policy: interpolate(`${document}.json`) }, n);
}
