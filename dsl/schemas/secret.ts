import { z } from "zod";
import type { Deferrable, Ref } from "../core.js";
import type { Host } from "../host.js";
import type { User } from "../iam.js";
import type { KmsKey } from "../kms-key.js";
import type { Service } from "../service.js";
import { codedString, fail, use, type RefValue } from "./common.js";

const isMarkedRef = (value: unknown): value is RefValue =>
  typeof value === "object" && value !== null && (value as { $noros?: unknown }).$noros === "ref";

/**
 * Where a secret is expected (a service's `secrets`, a database user's password, a cache's auth
 * token): only a secret's `value` reference. A literal string would end up in the Terraform
 * configuration, its state and every plan, so it is refused here with its own code, and the
 * compiler checks that the reference is a secret's.
 */
export function secretValue() {
  return z
    .custom<Deferrable<Ref<"secret">>>()
    .superRefine((value, ctx) => {
      if (typeof value === "string") {
        fail(ctx, "NOROS2100", "a secret is expected here, not a literal string: declare secret(name, { generate } | { ssmParameter } | { secretsManager }) and give its .value");
      } else if (!isMarkedRef(value)) {
        fail(ctx, "NOROS2100", "a secret is expected here: give a secret construct's .value");
      }
    })
    .transform((value) => value as unknown as RefValue);
}

/**
 * An SSM parameter name as Parameter Store accepts it: letters, digits and `_.-/`; a hierarchical
 * name starts with "/"; names beginning with "aws" or "ssm" are reserved by AWS.
 */
export const SsmParameterName = codedString(
  "NOROS2102",
  (value) =>
    /^[A-Za-z0-9_.\-/]{1,1011}$/.test(value) &&
    (!value.includes("/") || value.startsWith("/")) &&
    !value.includes("//") && !value.endsWith("/") &&
    !/^\/?(aws|ssm)/i.test(value) &&
    value.split("/").length - 1 <= 15,
  (value) => `"${value}" is not an SSM parameter name: use letters, digits, "_", ".", "-" and "/" (a path starts with "/", at most 15 levels, not beginning with aws or ssm)`,
);

/** A Secrets Manager secret name: 1-512 of letters, digits and `/_+=.@-`. */
export const SecretsManagerName = codedString(
  "NOROS2103",
  (value) => /^[A-Za-z0-9/_+=.@-]{1,512}$/.test(value),
  (value) => `"${value}" is not a Secrets Manager secret name: use 1-512 letters, digits and "/_+=.@-"`,
);

/** Who may read a secret's value at run time. */
export const SecretReader = use<Host | User | Service>("host", "user", "service");

export const GenerateSchema = z.strictObject({
  /** Length in characters. 32 alphanumeric characters are about 190 bits of entropy. */
  length: z
    .number()
    .superRefine((value, ctx) => {
      if (!Number.isInteger(value) || value < 16 || value > 128) fail(ctx, "NOROS2104", `a generated secret of length ${value} is not allowed: use 16 to 128 characters`);
    })
    .default(32),
  /**
   * Add punctuation from a set that every consumer noros wires up accepts (no quote, slash, `@`,
   * `$`, space: ElastiCache auth tokens and connection strings refuse those). Off by default: length
   * gives the entropy without quoting trouble.
   */
  symbols: z.boolean().default(false),
});

export const SecretSchema = z
  .strictObject({
    /** What the secret is for, shown in the Secrets Manager console. */
    description: z.string().max(2048).optional(),
    /**
     * A new random value (hashicorp/random's random_password), stored in Secrets Manager. The value
     * lives only in Secrets Manager and the Terraform state (keep the state encrypted: the S3
     * backend is), never in any file noros writes.
     */
    generate: GenerateSchema.optional(),
    /** An existing SSM Parameter Store SecureString, by name ("/shop/api-token"). noros only refers to it. */
    ssmParameter: SsmParameterName.optional(),
    /** An existing Secrets Manager secret, by name ("shop/api-token"). noros only refers to it. */
    secretsManager: SecretsManagerName.optional(),
    /**
     * The customer-managed key that encrypts the secret (default: the AWS-managed key of Secrets
     * Manager or SSM). For an existing secret, the key it is encrypted with, so readers may decrypt.
     */
    kmsKey: use<KmsKey>("kms-key").optional(),
    /** Principals that read the value at run time (hosts, users, ECS task roles). */
    readers: z.array(SecretReader).default([]),
    /**
     * Days Secrets Manager keeps a generated secret after `terraform destroy` before deleting it
     * (7-30), or 0 to delete it at once (for throwaway test systems).
     */
    recoveryWindowDays: z
      .number()
      .superRefine((value, ctx) => {
        if (!Number.isInteger(value) || (value !== 0 && (value < 7 || value > 30))) fail(ctx, "NOROS2106", `a recovery window of ${value} days is not accepted by Secrets Manager: use 0 or 7 to 30`);
      })
      .optional(),
  })
  .superRefine((value, ctx) => {
    const sources = (["generate", "ssmParameter", "secretsManager"] as const).filter((key) => value[key] !== undefined);
    if (sources.length !== 1) {
      fail(ctx, "NOROS2101", sources.length === 0
        ? "a secret needs exactly one source: generate: { length }, ssmParameter: \"/name\" or secretsManager: \"name\""
        : `a secret has exactly one source, found ${sources.join(" and ")}`);
    }
    if (value.recoveryWindowDays !== undefined && value.generate === undefined) {
      fail(ctx, "NOROS2101", "recoveryWindowDays applies to a generated secret only: noros never deletes an existing one", ["recoveryWindowDays"]);
    }
  });

export type SecretInput = z.input<typeof SecretSchema>;
export type SecretProps = z.output<typeof SecretSchema>;
