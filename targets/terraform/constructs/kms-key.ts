/**
 * A customer-managed KMS key: yearly rotation, an alias, and a key policy in three parts. The account
 * (its root, so IAM policies of the account's administrators) may administer the key but not use it;
 * the identity running Terraform may encrypt and decrypt only through Secrets Manager, and only when
 * it writes generated secrets under the key; the principals derived from the graph (declared users,
 * readers of the secrets it encrypts) may use it, and nobody else.
 */
import { nodesOf, type Graph, type GraphNode } from "../../../compiler/graph.js";
import { kmsUseActions, secretStore, secretUses } from "../../../compiler/util/secret-uses.js";
import type { TerraformDocument } from "../document.js";
import { interpolate } from "../expression.js";
import { localName, nameTag, NAME_PREFIX, physicalName } from "../naming.js";
import { policyDocument, type Statement } from "../policy-document.js";
import { principalArn } from "../principals.js";
import { accountId, partition } from "./account.js";

/**
 * Administration without use: managing, tagging, rotating and scheduling deletion, never Encrypt or
 * Decrypt. PutKeyPolicy stays with the account so that the key can never be locked out.
 */
export const keyAdministrationActions = [
  "kms:CancelKeyDeletion",
  "kms:Create*",
  "kms:Delete*",
  "kms:Describe*",
  "kms:Disable*",
  "kms:Enable*",
  "kms:Get*",
  "kms:List*",
  "kms:Put*",
  "kms:Revoke*",
  "kms:RotateKeyOnDemand",
  "kms:ScheduleKeyDeletion",
  "kms:TagResource",
  "kms:UntagResource",
  "kms:Update*",
] as const;

/** The services through which secrets are decrypted, for the `kms:ViaService` condition. */
const viaService = (store: "secretsmanager" | "ssm", region: string) => `${store}.${region}.amazonaws.com`;

export function lowerKmsKey(node: GraphNode<"kms-key">, tf: TerraformDocument, graph: Graph, region: string): void {
  const n = node.name;
  const account = accountId(tf, n);
  const root = `arn:${partition(tf, n)}:iam::${account}:root`;

  const encrypted = nodesOf(graph, "secret").filter((s) => s.props.kmsKey?.name === n);
  const uses = secretUses(graph);
  // Readers decrypt through the service that keeps their secret, never directly.
  const readersByStore = new Map<string, Set<string>>();
  for (const secret of encrypted) {
    const via = viaService(secretStore(secret), region);
    for (const use of uses.get(secret.name) ?? []) {
      readersByStore.set(via, (readersByStore.get(via) ?? new Set()).add(interpolate(principalArn(use.principal.kind, use.principal.name, use.identity))));
    }
  }
  const users = [...new Set(node.props.users.map((u) => interpolate(principalArn(u.kind, u.name))))].sort();

  const statements: Statement[] = [
    { sid: "AccountAdministersKey", actions: keyAdministrationActions, resources: ["*"], principals: [{ type: "AWS", identifiers: [root] }] },
  ];
  if (encrypted.some((s) => s.props.generate !== undefined)) {
    // Terraform writes (and refreshes) the generated secrets encrypted with this key.
    const deployer = tf.data("aws_iam_session_context", "deployer", { arn: interpolate("data.aws_caller_identity.current.arn") }, "system");
    statements.push({
      sid: "DeployerWritesSecrets",
      actions: kmsUseActions,
      resources: ["*"],
      principals: [{ type: "AWS", identifiers: [interpolate(`${deployer}.issuer_arn`)] }],
      conditions: [{ test: "StringEquals", variable: "kms:ViaService", values: [viaService("secretsmanager", region)] }],
    });
  }
  for (const [via, principals] of [...readersByStore].sort(([a], [b]) => (a < b ? -1 : 1))) {
    statements.push({
      sid: via.startsWith("ssm.") ? "ReadersDecryptParameters" : "ReadersDecryptSecrets",
      actions: ["kms:Decrypt"],
      resources: ["*"],
      principals: [{ type: "AWS", identifiers: [...principals].sort() }],
      conditions: [{ test: "StringEquals", variable: "kms:ViaService", values: [via] }],
    });
  }
  if (users.length > 0) statements.push({ sid: "DeclaredUsersUseKey", actions: kmsUseActions, resources: ["*"], principals: [{ type: "AWS", identifiers: users }] });

  const policy = tf.data("aws_iam_policy_document", localName(n, "key_policy"), policyDocument(statements), n);
  tf.resource(
    "aws_kms_key",
    n,
    {
      description: node.props.description ?? `noros key ${n} of ${NAME_PREFIX}`,
      enable_key_rotation: true,
      rotation_period_in_days: 365,
      deletion_window_in_days: node.props.deletionWindowDays,
      policy: interpolate(`${policy}.json`),
      tags: nameTag(n),
    },
    n,
  );
  tf.resource("aws_kms_alias", n, { name: `alias/${physicalName(n)}`, target_key_id: interpolate(`aws_kms_key.${n}.key_id`) }, n);
}
