import { z } from "zod";
import type { Group } from "../iam.js";
import { use } from "./common.js";

export const GroupSchema = z.strictObject({});

export const UserSchema = z.strictObject({
  /** Groups the user belongs to; permissions granted to a group apply to its members. */
  groups: z.array(use<Group>("group")).default([]),
});

export type GroupInput = z.input<typeof GroupSchema>;
export type GroupProps = z.output<typeof GroupSchema>;
export type UserInput = z.input<typeof UserSchema>;
export type UserProps = z.output<typeof UserSchema>;
