import { z } from "zod";
import { ValueSchema, codedString } from "./common.js";

const ParameterPath = codedString(
  "NOROS2048",
  (value) => /^(\/[A-Za-z0-9_.-]+)+$/.test(value) && value.length <= 900 && !/^\/(aws|ssm)/i.test(value),
  (value) => `"${value}" is not an SSM parameter path: use /segments/of/letters-digits_.- (not under /aws or /ssm)`,
);

/**
 * A plain configuration value in SSM Parameter Store (String, or StringList for comma-separated
 * lists). Secrets are not parameters: they belong to `secret`, so that no secret value is ever
 * written in a system file or Terraform state as plain text.
 */
export const ParameterSchema = z.strictObject({
  /** The parameter's path; noros puts the system's name prefix in front of it. */
  path: ParameterPath,
  /** The value: text, or a reference to another construct's attribute. */
  value: ValueSchema,
  /** String, or StringList (comma-separated). */
  type: z.enum(["String", "StringList"]).default("String"),
  description: z.string().max(1024).optional(),
});

export type ParameterInput = z.input<typeof ParameterSchema>;
export type ParameterProps = z.output<typeof ParameterSchema>;
