import type { GraphNode } from "../../../compiler/graph.js";
import type { TerraformDocument } from "../document.js";
import { NAME_PREFIX } from "../naming.js";
import { logsKeyArn } from "./logs-key.js";

export function lowerLogGroup(node: GraphNode<"log-group">, tf: TerraformDocument, region: string): void {
  tf.resource("aws_cloudwatch_log_group", node.name, { name: `/noros/${NAME_PREFIX}/${node.name}`, retention_in_days: node.props.retentionDays, kms_key_id: logsKeyArn(tf, region) }, node.name);
}
