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
  user: { type: "user" },
  group: { type: "group" },
};
