/**
 * A Lambda function: its package (a deterministic zip, out/functions/<name>.zip), its own log group
 * with retention, and its own execution role. The role's only policy is the one lowerGrants writes
 * from the graph's grants for this function (its own log group, then what its relationships grant),
 * so nothing here hands out a permission.
 */
import type { Artefact } from "../../../compiler/artefact.js";
import type { FunctionSource, GraphNode } from "../../../compiler/graph.js";
import type { TerraformDocument } from "../document.js";
import { interpolate, valueString } from "../expression.js";
import { functionPackage, packageFilename, packageHash, packagePath } from "../function-package.js";
import { localName, nameTag, physicalName } from "../naming.js";
import { policyDocument } from "../policy-document.js";
import { logsKeyArn } from "./logs-key.js";

/** Where Lambda writes a function's logs unless told otherwise; creating it first lets retention apply. */
export const functionLogGroupName = (n: string) => `/aws/lambda/${physicalName(n)}`;

export function lowerFunction(node: GraphNode<"function">, tf: TerraformDocument, source: FunctionSource, region: string): Artefact {
  const n = node.name;
  const { props } = node;
  const contents = functionPackage(source);
  const logGroup = localName(n, "function");
  tf.resource("aws_cloudwatch_log_group", logGroup, { name: functionLogGroupName(n), retention_in_days: props.logRetentionDays, kms_key_id: logsKeyArn(tf, region), tags: nameTag(n) }, n);

  const assume = tf.data(
    "aws_iam_policy_document",
    localName(n, "lambda_assume"),
    policyDocument([{ sid: "LambdaAssumeRole", actions: ["sts:AssumeRole"], principals: [{ type: "Service", identifiers: ["lambda.amazonaws.com"] }] }]),
    n,
  );
  tf.resource("aws_iam_role", n, { name: physicalName(n), assume_role_policy: interpolate(`${assume}.json`), tags: nameTag(n) }, n);

  const variables = Object.fromEntries(Object.entries(props.environment).sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, value]) => [name, valueString(value)]));
  tf.resource(
    "aws_lambda_function",
    n,
    {
      function_name: physicalName(n),
      role: interpolate(`aws_iam_role.${n}.arn`),
      runtime: props.runtime,
      handler: props.handler,
      architectures: [props.architecture],
      memory_size: props.memoryMb,
      timeout: props.timeoutS,
      package_type: "Zip",
      filename: packageFilename(n),
      // Known at compile time: the package is the same bytes for the same sources.
      source_code_hash: packageHash(contents),
      logging_config: { log_format: "JSON", log_group: interpolate(`aws_cloudwatch_log_group.${logGroup}.name`) },
      ...(Object.keys(variables).length > 0 ? { environment: { variables } } : {}),
      tags: nameTag(n),
      // The role's policy must be in place before the first invocation can log (or act).
      depends_on: [`aws_cloudwatch_log_group.${logGroup}`, `aws_iam_role_policy.${localName(n, "grants")}`],
    },
    n,
  );
  return { path: packagePath(n), contents };
}
