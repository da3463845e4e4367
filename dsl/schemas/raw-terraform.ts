import { z } from "zod";
import type { Ref, Text } from "../core.js";
import { fail } from "./common.js";

/** What an escape hatch may hold: JSON, plus typed references and text (lowered to `${...}`). */
export type TerraformValue = string | number | boolean | null | Ref | Text | readonly TerraformValue[] | { readonly [key: string]: TerraformValue };

/** A block body in Terraform JSON form: arguments, nested blocks as objects or lists of objects. */
export type TerraformBody = { readonly [argument: string]: TerraformValue };

const isTypeName = (value: string): boolean => /^[a-z][a-z0-9]*_[a-z0-9_]+$/.test(value);
const isBlockName = (value: string): boolean => /^[A-Za-z_][A-Za-z0-9_-]*$/.test(value);

/** Names are checked here rather than as record keys, so that the problem keeps its code and position. */
function checkNames(spec: { resource: Record<string, Record<string, unknown>>; data: Record<string, Record<string, unknown>>; output: object; variable: object; locals: object }, ctx: z.RefinementCtx): void {
  const badName = (name: string, path: PropertyKey[]) =>
    fail(ctx, "NOROS2353", `"${name}" is not a Terraform name: use letters, digits, underscores and hyphens, starting with a letter or underscore`, path);
  for (const section of ["resource", "data"] as const) {
    for (const [type, byName] of Object.entries(spec[section])) {
      if (!isTypeName(type)) fail(ctx, "NOROS2353", `"${type}" is not a Terraform ${section === "data" ? "data source" : "resource"} type such as "aws_s3_bucket_notification"`, [section, type]);
      for (const name of Object.keys(byName)) if (!isBlockName(name)) badName(name, [section, type, name]);
    }
  }
  for (const section of ["output", "variable", "locals"] as const) {
    for (const name of Object.keys(spec[section])) if (!isBlockName(name)) badName(name, [section, name]);
  }
}

/** Plain data, references and text; a construct itself is not a Terraform value (one of its references is). */
function checkValue(value: unknown, ctx: z.RefinementCtx, path: PropertyKey[]): void {
  if (Array.isArray(value)) return value.forEach((item, i) => checkValue(item, ctx, [...path, i]));
  if (typeof value !== "object" || value === null) return;
  const marker = (value as { $noros?: unknown }).$noros;
  if (marker === "use") {
    const { kind, name } = value as { kind: string; name: string };
    return fail(ctx, "NOROS2352", `the ${kind} "${name}" itself cannot be a Terraform value: use one of its references, such as ${name}.arn`, path);
  }
  if (marker === "ref" || marker === "text") return;
  for (const [key, item] of Object.entries(value)) checkValue(item, ctx, [...path, key]);
}

const Value = z.custom<TerraformValue>(() => true).superRefine((value, ctx) => checkValue(value, ctx, []));
const Body = z.record(z.string(), Value).transform((body) => body as unknown as TerraformBody);
const Blocks = z.record(z.string(), z.record(z.string(), Body));

export const RawTerraformSchema = z
  .strictObject({
    /** Why the DSL cannot express this: `noros check` shows it to reviewers next to every block. */
    reason: z.string().trim().min(1, "give the reason this escape hatch is needed"),
    /** `resource.<type>.<name>`, exactly as in Terraform JSON. */
    resource: Blocks.default({}),
    /** `data.<type>.<name>`. */
    data: Blocks.default({}),
    /** `output.<name>`. */
    output: z.record(z.string(), Body).default({}),
    /** `variable.<name>`. */
    variable: z.record(z.string(), Body).default({}),
    /** `locals`: name -> value. */
    locals: z.record(z.string(), Value).default({}),
  })
  .superRefine((spec, ctx) => {
    checkNames(spec, ctx);
    const count = [spec.resource, spec.data].reduce((n, byType) => n + Object.values(byType).reduce((m, byName) => m + Object.keys(byName).length, 0), 0) +
      Object.keys(spec.output).length + Object.keys(spec.variable).length + Object.keys(spec.locals).length;
    if (count === 0) fail(ctx, "NOROS2354", "this escape hatch declares no block: give at least one resource, data source, output, variable or local");
  });

export type RawTerraformInput = z.input<typeof RawTerraformSchema>;
export type RawTerraformProps = z.output<typeof RawTerraformSchema>;
