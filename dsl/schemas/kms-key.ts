import { z } from "zod";
import type { Host } from "../host.js";
import type { User } from "../iam.js";
import type { Service } from "../service.js";
import { fail, use } from "./common.js";

/**
 * Principals that may use a key directly (encrypt, decrypt, generate data keys). Groups are not
 * among them: a key policy can name roles and users, never a group.
 */
export const KeyUser = use<Host | User | Service>("host", "user", "service");

export const KmsKeySchema = z.strictObject({
  /** What the key protects, shown in the KMS console. */
  description: z.string().max(8192).optional(),
  /**
   * Days between `terraform destroy` and the key's deletion, during which the deletion can be
   * cancelled: data encrypted with a deleted key is lost for good, so the longest window is the default.
   */
  deletionWindowDays: z
    .number()
    .superRefine((value, ctx) => {
      if (!Number.isInteger(value) || value < 7 || value > 30) fail(ctx, "NOROS2105", `a deletion window of ${value} days is not accepted by KMS: use a whole number of days from 7 to 30`);
    })
    .default(30),
  /**
   * Principals that use the key themselves. Readers of secrets encrypted with the key need not be
   * listed: noros derives them (and only them) from the secrets.
   */
  users: z.array(KeyUser).default([]),
});

export type KmsKeyInput = z.input<typeof KmsKeySchema>;
export type KmsKeyProps = z.output<typeof KmsKeySchema>;
