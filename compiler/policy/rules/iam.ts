import { cis, guidance, securityHub, type Finding, type Rule } from "../rule.js";
import { everything, nested, type PolicyStatement, type TerraformView } from "../view.js";

/** Identity policies written inline as JSON (data-source documents are checked as data sources). */
const POLICY_RESOURCES = ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"];

/** Every IAM statement of the document, with the block it belongs to. */
function statements(view: TerraformView): Array<{ address: string; statement: PolicyStatement }> {
  return view.memo("iam-statements", () => [
    ...view.data("aws_iam_policy_document").flatMap((d) => view.documentStatements(d).map((statement) => ({ address: d.address, statement }))),
    ...view.resources(...POLICY_RESOURCES).flatMap((r) => view.policyStatements(r.body.policy, ["policy"]).map((statement) => ({ address: r.address, statement }))),
    ...view.resources("aws_iam_role").flatMap((r) =>
      nested(r.body, "inline_policy").flatMap((p) => view.policyStatements(p.body.policy, [...p.path, "policy"]).map((statement) => ({ address: r.address, statement }))),
    ),
  ]);
}

const ADMINISTRATOR = /^arn:aws[\w-]*:iam::aws:policy\/AdministratorAccess$/;
const ATTACHMENTS = ["aws_iam_role_policy_attachment", "aws_iam_user_policy_attachment", "aws_iam_group_policy_attachment", "aws_iam_policy_attachment"];
const serviceWildcard = (action: string) => /^[\w-]+:\*$/.test(action);

export const iamRules: readonly Rule[] = [
  {
    id: "NOROS-IAM-001",
    title: "No IAM statement allows every action on every resource",
    rationale: "\"*\" on \"*\" is full administrator access: one leaked credential then owns the account.",
    control: securityHub("IAM.1"),
    resourceTypes: ["data.aws_iam_policy_document", ...POLICY_RESOURCES, "aws_iam_role"],
    check(view) {
      return statements(view).filter(({ statement: s }) => s.effect === "Allow" && everything(s.actions) && everything(s.resources))
        .map(({ address, statement }) => ({ address, message: `${address} allows "*" on "*"`, path: statement.path }));
    },
  },
  {
    id: "NOROS-IAM-002",
    title: "The AdministratorAccess policy is never attached",
    rationale: "Permissions come from declared relationships, scoped to what each principal uses.",
    control: securityHub("IAM.1"),
    resourceTypes: [...ATTACHMENTS, "aws_iam_role"],
    check(view) {
      const attachments = view.resources(...ATTACHMENTS).filter((a) => typeof a.body.policy_arn === "string" && ADMINISTRATOR.test(a.body.policy_arn))
        .map((a): Finding => ({ address: a.address, message: `${a.address} attaches AdministratorAccess`, path: ["policy_arn"] }));
      const managed = view.resources("aws_iam_role").filter((r) => Array.isArray(r.body.managed_policy_arns) && r.body.managed_policy_arns.some((arn) => typeof arn === "string" && ADMINISTRATOR.test(arn)))
        .map((r): Finding => ({ address: r.address, message: `${r.address} has AdministratorAccess among its managed policies`, path: ["managed_policy_arns"] }));
      return [...attachments, ...managed];
    },
  },
  {
    id: "NOROS-IAM-003",
    title: "No IAM statement allows a whole service (\"s3:*\")",
    rationale: "A service-wide wildcard grants actions nobody reviewed, including ones AWS adds later.",
    control: securityHub("IAM.21"),
    resourceTypes: ["data.aws_iam_policy_document", ...POLICY_RESOURCES, "aws_iam_role"],
    check(view) {
      return statements(view).filter(({ statement: s }) => s.effect === "Allow" && s.actions.some(serviceWildcard))
        .map(({ address, statement }) => ({ address, message: `${address} allows ${statement.actions.filter(serviceWildcard).join(", ")}`, path: statement.path }));
    },
  },
  {
    id: "NOROS-IAM-004",
    title: "IAM users get permissions through groups",
    rationale: "Policies on groups are reviewed once and follow people as they join and leave.",
    control: securityHub("IAM.2"),
    resourceTypes: ["aws_iam_user_policy", "aws_iam_user_policy_attachment"],
    check(view) {
      return view.resources("aws_iam_user_policy", "aws_iam_user_policy_attachment").map((p) => ({ address: p.address, message: `${p.address} attaches a policy to a user directly` }));
    },
  },
  {
    id: "NOROS-IAM-005",
    title: "No IAM access key is created by Terraform",
    rationale: "The secret key would be stored in the Terraform state, readable by anyone who can read the state.",
    control: cis("1.11"),
    resourceTypes: ["aws_iam_access_key"],
    check(view) {
      return view.resources("aws_iam_access_key").map((k) => ({ address: k.address, message: `${k.address} creates an access key whose secret lands in the Terraform state` }));
    },
  },
  {
    id: "NOROS-IAM-006",
    title: "No console password is created by Terraform",
    rationale: "System users are for programs; a console login profile is a password outside any rotation.",
    control: cis("1.10"),
    resourceTypes: ["aws_iam_user_login_profile"],
    check(view) {
      return view.resources("aws_iam_user_login_profile").map((p) => ({ address: p.address, message: `${p.address} gives a user a console password` }));
    },
  },
  {
    id: "NOROS-IAM-007",
    title: "Role trust policies name who may assume the role",
    rationale: "A trust policy open to every principal, or to a whole identity provider without a condition on the subject, lets anyone (any service account of any cluster) take the role.",
    control: guidance("IAM User Guide: trust policies and IAM roles for service accounts (condition on sub)", "https://docs.aws.amazon.com/eks/latest/userguide/associate-service-account-role.html"),
    resourceTypes: ["aws_iam_role"],
    check(view) {
      return view.resources("aws_iam_role").flatMap((r): Finding[] =>
        view.policyStatements(r.body.assume_role_policy, ["assume_role_policy"]).filter((s) => s.effect === "Allow").flatMap((s): Finding[] => {
          if (s.principals.includes("*") && s.conditions.length === 0) return [{ address: r.address, message: `${r.address} may be assumed by anyone`, path: s.path }];
          const federated = s.principals.some((p) => p.startsWith("Federated:"));
          const subject = s.conditions.some((c) => /:sub$|^SAML:aud$/.test(c.variable));
          return federated && !subject ? [{ address: r.address, message: `${r.address} may be assumed through its identity provider by any subject (no condition on :sub)`, path: s.path }] : [];
        }),
      );
    },
  },
];
