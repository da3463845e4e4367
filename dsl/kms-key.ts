import { construct, type Construct, type Ref } from "./core.js";
import type { KmsKeyInput } from "./schemas/kms-key.js";

/** The references a KMS key exposes, and the type of value each stands for. */
export const kmsKeyAttributes = { arn: "arn", aliasName: "string" } as const;

export type KmsKey = Construct<"kms-key", KmsKeyInput> & {
  readonly arn: Ref<"arn">;
  readonly aliasName: Ref<"string">;
};

/**
 * A customer-managed KMS key with yearly rotation and an alias. Its key policy lets the account
 * administer it, and lets only the principals the system derives (readers of the secrets it
 * encrypts, its declared `users`) use it.
 */
export function kmsKey(name: string, props: KmsKeyInput = {}): KmsKey {
  return construct("kms-key", name, props, kmsKeyAttributes);
}
