/**
 * IAM roles for service accounts: a role that only one Kubernetes service account of one cluster can
 * assume, through the cluster's OIDC provider, holding exactly the statements given.
 */
import type { TerraformDocument } from "../../document.js";
import { interpolate } from "../../expression.js";
import { localName, nameTag, physicalName } from "../../naming.js";
import { policyDocument, type Statement } from "../../policy-document.js";

export const oidcProvider = (cluster: string): string => `aws_iam_openid_connect_provider.${cluster}`;

/** `oidc.eks.<region>.amazonaws.com/id/<id>`: the issuer without its scheme, as IAM condition keys name it. */
const issuerHost = (cluster: string): string => `replace(${oidcProvider(cluster)}.url, "https://", "")`;

export interface ServiceAccountRole {
  readonly cluster: string;
  /** Terraform local name of the role: `<cluster>_autoscaler`, or `<service>_task` for an app. */
  readonly role: string;
  /** Physical name parts: physicalName(owner, suffix). */
  readonly owner: string;
  readonly suffix: string;
  readonly namespace: string;
  readonly serviceAccount: string;
  readonly statements: readonly Statement[];
  /** AWS managed policies (ARNs) attached besides the statements, for an AWS add-on that documents one. */
  readonly managedPolicies?: readonly string[];
  readonly origin: string;
}

/** Declares the role (and its policy when it has statements); returns the role's address. */
export function serviceAccountRole(tf: TerraformDocument, r: ServiceAccountRole): string {
  const trust = tf.data(
    "aws_iam_policy_document",
    localName(r.role, "assume"),
    policyDocument([
      {
        sid: "ServiceAccountAssumesRole",
        actions: ["sts:AssumeRoleWithWebIdentity"],
        principals: [{ type: "Federated", identifiers: [interpolate(`${oidcProvider(r.cluster)}.arn`)] }],
        conditions: [
          { test: "StringEquals", variable: `${interpolate(issuerHost(r.cluster))}:sub`, values: [`system:serviceaccount:${r.namespace}:${r.serviceAccount}`] },
          { test: "StringEquals", variable: `${interpolate(issuerHost(r.cluster))}:aud`, values: ["sts.amazonaws.com"] },
        ],
      },
    ]),
    r.origin,
  );
  const role = tf.resource("aws_iam_role", r.role, { name: physicalName(r.owner, r.suffix), assume_role_policy: interpolate(`${trust}.json`), tags: nameTag(r.owner, r.suffix) }, r.origin);
  if (r.statements.length > 0) {
    const policy = tf.data("aws_iam_policy_document", r.role, policyDocument(r.statements), r.origin);
    tf.resource("aws_iam_role_policy", r.role, { name: physicalName(r.owner, r.suffix), role: interpolate(`${role}.id`), policy: interpolate(`${policy}.json`) }, r.origin);
  }
  for (const [i, arn] of (r.managedPolicies ?? []).entries()) {
    tf.resource("aws_iam_role_policy_attachment", localName(r.role, i), { role: interpolate(`${role}.name`), policy_arn: arn }, r.origin);
  }
  return role;
}

/** The annotation that makes EKS inject the role's web identity into a service account's pods. */
export const ROLE_ANNOTATION = "eks.amazonaws.com/role-arn";
