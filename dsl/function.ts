import { construct, type Construct, type Ref } from "./core.js";
import type { FunctionInput } from "./schemas/function.js";

/** The references a function exposes, and the type of value each stands for. */
export const functionAttributes = { arn: "arn", functionName: "string", roleArn: "arn", logGroupArn: "arn" } as const;

export type Fn = Construct<"function", FunctionInput> & {
  readonly arn: Ref<"arn">;
  readonly functionName: Ref<"string">;
  readonly roleArn: Ref<"arn">;
  readonly logGroupArn: Ref<"arn">;
};

/**
 * A Lambda function from a source directory beside the system file, zipped by the compiler (the same
 * bytes on every compile). It gets its own log group and an execution role holding only the right to
 * write that log group plus what its relationships grant (`controls`, `publishesTo`, bucket
 * `readers`/`writers`); `triggers` and `httpApi` routes are what invoke it.
 */
export function fn(name: string, props: FunctionInput): Fn {
  return construct("function", name, props, functionAttributes);
}
