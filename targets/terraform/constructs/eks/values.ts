import { interpolate, literal } from "../../expression.js";

/** A Terraform expression inside Helm values (an ARN, a cluster name), as opposed to literal text. */
export interface TerraformExpression {
  readonly $terraform: string;
}

export const expr = (expression: string): TerraformExpression => ({ $terraform: expression });

/** A Terraform template string already escaped and interpolated (an author's text`...` value). */
export interface TerraformTemplate {
  readonly $template: string;
}

export type HelmValue = string | number | boolean | null | TerraformExpression | TerraformTemplate | readonly HelmValue[] | { readonly [key: string]: HelmValue };

const isExpression = (value: unknown): value is TerraformExpression => typeof value === "object" && value !== null && "$terraform" in value;
const isTemplate = (value: unknown): value is TerraformTemplate => typeof value === "object" && value !== null && "$template" in value;

/** Literal strings escaped for Terraform (`${1}` in an adapter rule stays text), expressions interpolated. */
function lower(value: HelmValue): unknown {
  if (typeof value === "string") return literal(value);
  if (isExpression(value)) return interpolate(value.$terraform);
  if (isTemplate(value)) return value.$template;
  if (Array.isArray(value)) return value.map(lower);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[literal(key)] = lower((value as Record<string, HelmValue>)[key] as HelmValue);
    return out;
  }
  return value;
}

/**
 * A chart's values as one document for helm_release.values. JSON is YAML, so Helm reads it as it is;
 * keys are sorted so that the same values always give the same bytes (and no spurious diff).
 */
export function helmValues(values: { readonly [key: string]: HelmValue }): string {
  return JSON.stringify(lower(values));
}
