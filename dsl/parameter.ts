import { construct, type Construct, type Ref } from "./core.js";
import type { ParameterInput } from "./schemas/parameter.js";

/** The references a parameter exposes, and the type of value each stands for. */
export const parameterAttributes = { arn: "arn", parameterName: "name" } as const;

export type Parameter = Construct<"parameter", ParameterInput> & { readonly arn: Ref<"arn">; readonly parameterName: Ref<"name"> };

/** A plain configuration value in SSM Parameter Store (secrets belong to `secret`). */
export function parameter(name: string, props: ParameterInput): Parameter {
  return construct("parameter", name, props, parameterAttributes);
}
