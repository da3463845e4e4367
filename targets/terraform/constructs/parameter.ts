import type { GraphNode } from "../../../compiler/graph.js";
import type { TerraformDocument } from "../document.js";
import { valueString } from "../expression.js";
import { NAME_PREFIX, nameTag } from "../naming.js";

/** An SSM parameter under /<name prefix>/..., so two deployments of a system never share one. */
export function lowerParameter(node: GraphNode<"parameter">, tf: TerraformDocument): void {
  const { props } = node;
  tf.resource(
    "aws_ssm_parameter",
    node.name,
    {
      name: `/${NAME_PREFIX}${props.path}`,
      type: props.type,
      value: valueString(props.value),
      ...(props.description ? { description: props.description } : {}),
      tags: nameTag(node.name),
    },
    node.name,
  );
}
