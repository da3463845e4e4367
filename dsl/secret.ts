import { construct, type Construct, type Ref } from "./core.js";
import type { SecretInput } from "./schemas/secret.js";

/**
 * The references a secret exposes. `value` stands for the secret itself: it is accepted only where a
 * secret is expected (a service's `secrets`, a database user's password, a cache's auth token) and
 * lowered there to a reference by ARN, never to the value.
 */
export const secretAttributes = { arn: "arn", value: "secret" } as const;

export type Secret = Construct<"secret", SecretInput> & {
  readonly arn: Ref<"arn">;
  readonly value: Ref<"secret">;
};

/**
 * A secret: generated (`generate: { length: 32 }`, stored in Secrets Manager) or an existing SSM
 * SecureString parameter / Secrets Manager secret by name. Its value never appears in anything noros
 * writes; consumers get it by ARN at run time, with read access on exactly that ARN.
 */
export function secret(name: string, props: SecretInput): Secret {
  return construct("secret", name, props, secretAttributes);
}
