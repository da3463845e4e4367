import { construct, type Construct, type Ref } from "./core.js";
import type { GroupInput, UserInput } from "./schemas/iam.js";

export const groupAttributes = { arn: "arn" } as const;
export const userAttributes = { arn: "arn" } as const;

export type Group = Construct<"group", GroupInput> & { readonly arn: Ref<"arn"> };
export type User = Construct<"user", UserInput> & { readonly arn: Ref<"arn"> };

/** An IAM group. Permissions granted to it (for example as a bucket writer) are attached to the group. */
export function group(name: string, props: GroupInput = {}): Group {
  return construct("group", name, props, groupAttributes);
}

/** An IAM user, created without console access or keys; add it to groups to give it permissions. */
export function user(name: string, props: UserInput = {}): User {
  return construct("user", name, props, userAttributes);
}
