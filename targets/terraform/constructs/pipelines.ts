/**
 * CI pipelines on GitHub Actions (the workflows themselves are the github target's): GitHub's OIDC
 * provider, and the roles the workflows assume with its tokens. Only workflows of the declared
 * repository running on the declared branch may assume them (a condition on the token's `sub`, and
 * on `aud` = sts.amazonaws.com): no AWS key is ever stored in GitHub.
 *
 * - `<name>_build`: push to exactly the ECR repositories of the listed services (plus
 *   ecr:GetAuthorizationToken, which has no resource to scope to). It does not touch ECS: Terraform
 *   owns the task definitions, so the apply workflow deploys a pushed image (`-var
 *   <service>_image_tag=<git sha>`); a build role that registered task definitions itself would be
 *   undone by the next apply, and would need iam:PassRole on the task roles.
 * - `<name>_apply`: what `terraform apply` of arbitrary infrastructure needs, which is broad by
 *   nature. It is bounded as far as it goes: the AWS-managed PowerUserAccess policy (everything but
 *   IAM, Organizations and account settings), IAM only on names starting with the system's name
 *   prefix (its roles, instance profiles, users, groups, their policies), GitHub's OIDC provider
 *   (with an existing one: iam:ListOpenIDConnectProviders on "*", which the data source needs and
 *   IAM cannot scope), and the state object and its lock file in the backend bucket. Whoever can push to the branch
 *   can therefore change anything in the account that PowerUserAccess reaches, and any IAM role of
 *   this system's prefix, its own included: it may attach any policy to such a role (or create one
 *   that trusts it), so in the end the role amounts to administrator access. Protect the branch as
 *   an administrator's credentials; a permissions boundary on the prefix's roles would be the way to
 *   bound it further, and is not built.
 */
import type { Graph, GraphNode } from "../../../compiler/graph.js";
import { ecrPushActions } from "../../../compiler/resolve/grants.js";
import type { TerraformDocument } from "../document.js";
import { interpolate } from "../expression.js";
import { localName, nameTag, NAME_PREFIX, physicalName } from "../naming.js";
import { policyDocument, type Statement } from "../policy-document.js";
import { accountId, partition } from "./account.js";

export const GITHUB_OIDC_HOST = "token.actions.githubusercontent.com";
const GITHUB_OIDC_URL = `https://${GITHUB_OIDC_HOST}`;

/** The `sub` claim of a workflow run on a push to (or a dispatch on) the branch. */
export function githubSubject(repository: string, branch: string): string {
  return `repo:${repository}:ref:refs/heads/${branch}`;
}

/** The address of GitHub's OIDC provider: created by the system, or looked up. */
function oidcProvider(node: GraphNode<"pipelines">, tf: TerraformDocument): string {
  if (node.props.github.oidcProvider === "existing") {
    return tf.data("aws_iam_openid_connect_provider", "github", { url: GITHUB_OIDC_URL }, node.name);
  }
  // No thumbprint_list: IAM trusts GitHub's certificate through its own library of root CAs.
  return tf.resource("aws_iam_openid_connect_provider", "github", { url: GITHUB_OIDC_URL, client_id_list: ["sts.amazonaws.com"], tags: nameTag(node.name, "github") }, node.name);
}

function role(node: GraphNode<"pipelines">, tf: TerraformDocument, provider: string, purpose: "build" | "apply", statements: readonly Statement[]): string {
  const n = node.name;
  const { repository, branch } = node.props.github;
  const trust = tf.data(
    "aws_iam_policy_document",
    localName(n, purpose, "trust"),
    policyDocument([
      {
        sid: "GithubWorkflowsAssumeRole",
        actions: ["sts:AssumeRoleWithWebIdentity"],
        principals: [{ type: "Federated", identifiers: [interpolate(`${provider}.arn`)] }],
        conditions: [
          { test: "StringEquals", variable: `${GITHUB_OIDC_HOST}:aud`, values: ["sts.amazonaws.com"] },
          { test: "StringEquals", variable: `${GITHUB_OIDC_HOST}:sub`, values: [githubSubject(repository, branch)] },
        ],
      },
    ]),
    n,
  );
  const address = tf.resource(
    "aws_iam_role",
    localName(n, purpose),
    {
      name: physicalName(n, purpose),
      description: `noros: assumed by the ${purpose} workflow of ${repository} on ${branch}`,
      assume_role_policy: interpolate(`${trust}.json`),
      // Long enough for a terraform apply that creates a cluster or a database.
      max_session_duration: purpose === "apply" ? 7200 : 3600,
      tags: nameTag(n, purpose),
    },
    n,
  );
  if (statements.length > 0) {
    const policy = tf.data("aws_iam_policy_document", localName(n, purpose), policyDocument(statements), n);
    tf.resource("aws_iam_role_policy", localName(n, purpose), { name: physicalName(n, purpose), role: interpolate(`${address}.id`), policy: interpolate(`${policy}.json`) }, n);
  }
  return address;
}

function buildStatements(node: GraphNode<"pipelines">): Statement[] {
  const repositories = [...new Set(node.props.images.map((i) => i.name))].sort().map((s) => interpolate(`aws_ecr_repository.${s}.arn`));
  return [
    // GetAuthorizationToken has no resource to scope to (AWS documents it with "*"); it only logs in.
    { sid: "EcrLogin", actions: ["ecr:GetAuthorizationToken"], resources: ["*"] },
    { sid: "PushOwnImages", actions: [...ecrPushActions], resources: repositories },
  ];
}

/** IAM actions Terraform uses on the kinds of IAM resources noros generates, never "iam:*". */
const ROLE_ACTIONS = [
  "iam:AttachRolePolicy",
  "iam:CreateRole",
  "iam:DeleteRole",
  "iam:DeleteRolePolicy",
  "iam:DetachRolePolicy",
  "iam:GetRole",
  "iam:GetRolePolicy",
  "iam:ListAttachedRolePolicies",
  "iam:ListInstanceProfilesForRole",
  "iam:ListRolePolicies",
  "iam:ListRoleTags",
  "iam:PassRole",
  "iam:PutRolePolicy",
  "iam:TagRole",
  "iam:UntagRole",
  "iam:UpdateAssumeRolePolicy",
  "iam:UpdateRole",
  "iam:UpdateRoleDescription",
];
const INSTANCE_PROFILE_ACTIONS = [
  "iam:AddRoleToInstanceProfile",
  "iam:CreateInstanceProfile",
  "iam:DeleteInstanceProfile",
  "iam:GetInstanceProfile",
  "iam:RemoveRoleFromInstanceProfile",
  "iam:TagInstanceProfile",
  "iam:UntagInstanceProfile",
];
const USER_GROUP_ACTIONS = [
  "iam:AddUserToGroup",
  "iam:CreateGroup",
  "iam:CreateUser",
  "iam:DeleteGroup",
  "iam:DeleteGroupPolicy",
  "iam:DeleteUser",
  "iam:DeleteUserPolicy",
  "iam:GetGroup",
  "iam:GetGroupPolicy",
  "iam:GetUser",
  "iam:ListAccessKeys",
  "iam:ListAttachedGroupPolicies",
  "iam:ListGroupPolicies",
  "iam:ListGroupsForUser",
  "iam:PutGroupPolicy",
  "iam:RemoveUserFromGroup",
  "iam:TagUser",
  "iam:UntagUser",
  "iam:UpdateGroup",
  "iam:UpdateUser",
];
const OIDC_PROVIDER_ACTIONS = [
  "iam:AddClientIDToOpenIDConnectProvider",
  "iam:CreateOpenIDConnectProvider",
  "iam:DeleteOpenIDConnectProvider",
  "iam:GetOpenIDConnectProvider",
  "iam:RemoveClientIDFromOpenIDConnectProvider",
  "iam:TagOpenIDConnectProvider",
  "iam:UntagOpenIDConnectProvider",
  "iam:UpdateOpenIDConnectProviderThumbprint",
];

/** The AWS-managed policy behind the apply role: every service but IAM, Organizations and account settings. */
export const POWER_USER_POLICY = "PowerUserAccess";

function applyStatements(node: GraphNode<"pipelines">, graph: Graph, tf: TerraformDocument): Statement[] {
  const n = node.name;
  const iam = `arn:${partition(tf, n)}:iam::${accountId(tf, n)}`;
  const statements: Statement[] = [];
  const s3 = graph.system.props.backend?.s3;
  if (s3) {
    // The state and Terraform's lock file beside it (use_lockfile), and nothing else of the bucket.
    const bucket = `arn:${partition(tf, n)}:s3:::${s3.bucket}`;
    statements.push({ sid: "ListStateBucket", actions: ["s3:ListBucket"], resources: [bucket] });
    statements.push({ sid: "ReadWriteState", actions: ["s3:GetObject", "s3:PutObject"], resources: [`${bucket}/${s3.key}`] });
    statements.push({ sid: "LockState", actions: ["s3:DeleteObject", "s3:GetObject", "s3:PutObject"], resources: [`${bucket}/${s3.key}.tflock`] });
  }
  // Every IAM name noros generates starts with the name prefix: the system's own roles and profiles.
  statements.push({ sid: "ManageOwnRoles", actions: ROLE_ACTIONS, resources: [`${iam}:role/${NAME_PREFIX}-*`] });
  // Hosts and host groups get instance profiles; nothing else noros generates does.
  if (graph.nodes.some((x) => x.kind === "host" || x.kind === "host-group")) {
    statements.push({ sid: "ManageOwnInstanceProfiles", actions: INSTANCE_PROFILE_ACTIONS, resources: [`${iam}:instance-profile/${NAME_PREFIX}-*`] });
  }
  if (graph.nodes.some((x) => x.kind === "user" || x.kind === "group")) {
    statements.push({ sid: "ManageOwnUsersAndGroups", actions: USER_GROUP_ACTIONS, resources: [`${iam}:user/${NAME_PREFIX}-*`, `${iam}:group/${NAME_PREFIX}-*`] });
  }
  const providers = [`${iam}:oidc-provider/${GITHUB_OIDC_HOST}`];
  // A cluster's IRSA provider is named by the cluster's issuer, which EKS chooses.
  if (graph.nodes.some((x) => x.kind === "cluster")) providers.push(`${iam}:oidc-provider/oidc.eks.${graph.system.props.region}.amazonaws.com/id/*`);
  statements.push({
    sid: "ManageOidcProviders",
    actions: node.props.github.oidcProvider === "existing" ? ["iam:GetOpenIDConnectProvider"] : OIDC_PROVIDER_ACTIONS,
    resources: providers,
  });
  // The data source finds an existing provider by listing them; IAM has no resource for a list.
  if (node.props.github.oidcProvider === "existing") statements.push({ sid: "FindOidcProvider", actions: ["iam:ListOpenIDConnectProviders"], resources: ["*"] });
  return statements;
}

export function lowerPipelines(node: GraphNode<"pipelines">, tf: TerraformDocument, graph: Graph): void {
  const n = node.name;
  const provider = oidcProvider(node, tf);
  if (node.props.images.length > 0) {
    const build = role(node, tf, provider, "build", buildStatements(node));
    tf.output(localName(n, "build_role_arn"), { value: interpolate(`${build}.arn`), description: "role-to-assume of the build workflows (repository variable NOROS_BUILD_ROLE_ARN)" }, n);
  }
  if (node.props.apply) {
    const apply = role(node, tf, provider, "apply", applyStatements(node, graph, tf));
    tf.resource(
      "aws_iam_role_policy_attachment",
      localName(n, "apply_power_user"),
      { role: interpolate(`${apply}.name`), policy_arn: `arn:${partition(tf, n)}:iam::aws:policy/${POWER_USER_POLICY}` },
      n,
    );
    tf.output(localName(n, "apply_role_arn"), { value: interpolate(`${apply}.arn`), description: "role-to-assume of the apply workflow (repository variable NOROS_APPLY_ROLE_ARN)" }, n);
  }
}
