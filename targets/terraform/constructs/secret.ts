/**
 * A secret. Generated: a random_password (hashicorp/random) stored as a Secrets Manager secret,
 * encrypted with the system's key when one is given. Existing: only its ARN, looked up by name
 * (Secrets Manager) or built from the name (SSM Parameter Store), so that its value is never read
 * into the plan or the state. Either way the local `<name>_secret_arn` is what consumers refer to.
 */
import type { GraphNode } from "../../../compiler/graph.js";
import type { TerraformDocument } from "../document.js";
import { interpolate } from "../expression.js";
import { localName, nameTag, physicalName } from "../naming.js";
import { pinnedProviders } from "../providers.js";
import { accountId, partition } from "./account.js";

/**
 * Punctuation a generated secret may use when `symbols` is on: printable, and accepted as an
 * ElastiCache AUTH token and in a PostgreSQL password (no `/`, `"`, `@`, `'`, `$`, `\`, space).
 */
export const SECRET_SYMBOLS = "!#%*()-_=+[]{}<>:?";

/** The Terraform expression of a generated secret's value, for resources that must be given it. */
export function generatedValue(secret: string): string {
  return interpolate(`random_password.${secret}.result`);
}

export function lowerSecret(node: GraphNode<"secret">, tf: TerraformDocument, region: string): void {
  const n = node.name;
  const { props } = node;
  const arnLocal = localName(n, "secret_arn");
  if (props.generate) {
    tf.requireProvider("random", pinnedProviders.random);
    const { length, symbols } = props.generate;
    tf.resource(
      "random_password",
      n,
      {
        length,
        special: symbols,
        ...(symbols ? { override_special: SECRET_SYMBOLS, min_special: 1 } : {}),
        // At least one of each kind, so that no password policy refuses it.
        min_lower: 1,
        min_upper: 1,
        min_numeric: 1,
      },
      n,
    );
    tf.resource(
      "aws_secretsmanager_secret",
      n,
      {
        name: physicalName(n),
        description: props.description ?? `noros secret ${n}`,
        ...(props.kmsKey ? { kms_key_id: interpolate(`aws_kms_key.${props.kmsKey.name}.arn`) } : {}),
        recovery_window_in_days: props.recoveryWindowDays ?? 30,
        tags: nameTag(n),
      },
      n,
    );
    tf.resource("aws_secretsmanager_secret_version", n, { secret_id: interpolate(`aws_secretsmanager_secret.${n}.id`), secret_string: generatedValue(n) }, n);
    tf.local(arnLocal, interpolate(`aws_secretsmanager_secret.${n}.arn`), n);
    return;
  }
  if (props.secretsManager !== undefined) {
    // The secret's metadata only (its ARN with AWS's random suffix); its value is never read.
    tf.data("aws_secretsmanager_secret", n, { name: props.secretsManager }, n);
    tf.local(arnLocal, interpolate(`data.aws_secretsmanager_secret.${n}.arn`), n);
    return;
  }
  // An SSM parameter's ARN is its name under `parameter/`: a data source would read the value.
  const name = (props.ssmParameter as string).replace(/^\//, "");
  tf.local(arnLocal, `arn:${partition(tf, n)}:ssm:${region}:${accountId(tf, n)}:parameter/${name}`, n);
}
