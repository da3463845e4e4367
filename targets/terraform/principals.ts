/**
 * Where a principal's derived grants are attached, by construct kind. A kind whose constructs act in
 * AWS through a role (hosts, ECS tasks, functions, ...) names that role; users and groups hold their
 * grants directly. A construct kind that becomes a principal adds one line here.
 */
export type Attachment =
  | { readonly type: "role"; readonly role: (name: string) => string }
  | { readonly type: "user" }
  | { readonly type: "group" };

export const principalAttachments: Readonly<Record<string, Attachment>> = {
  host: { type: "role", role: (n) => `aws_iam_role.${n}` },
  // Every instance of a host group acts with the group's one role.
  "host-group": { type: "role", role: (n) => `aws_iam_role.${n}` },
  // A service's grants go to its ECS task role (resolve refuses a service without `run` as a principal).
  service: { type: "role", role: (n) => `aws_iam_role.${n}_task` },
  // A function's grants (its own log group first) are its execution role's only policy.
  function: { type: "role", role: (n) => `aws_iam_role.${n}` },
  // An image build's grants (its uploads, its repository, its log group) are its CodeBuild role's only policy.
  "image-build": { type: "role", role: (n) => `aws_iam_role.${n}` },
  user: { type: "user" },
  group: { type: "group" },
};

/**
 * The ARN expression of a principal, for resource and key policies that name it. Groups have none
 * (no policy can name a group as a principal). `execution` is an ECS service's execution role.
 */
export function principalArn(kind: string, name: string, identity: "own" | "execution" = "own"): string {
  if (kind === "service" && identity === "execution") return `aws_iam_role.${name}_execution.arn`;
  const attachment = principalAttachments[kind];
  if (attachment?.type === "role") return `${attachment.role(name)}.arn`;
  if (attachment?.type === "user") return `aws_iam_user.${name}.arn`;
  throw new Error(`internal: a ${kind} cannot be named as a principal`);
}
