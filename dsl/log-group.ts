import { construct, type Construct, type Ref } from "./core.js";
import type { LogGroupInput } from "./schemas/log-group.js";

/** The references a logGroup exposes, and the type of value each stands for. */
export const logGroupAttributes = { arn: "arn", logGroupName: "name" } as const;

export type LogGroup = Construct<"log-group", LogGroupInput> & { readonly arn: Ref<"arn">; readonly logGroupName: Ref<"name"> };

/** A CloudWatch log group with a retention period (90 days unless set). */
export function logGroup(name: string, props: LogGroupInput = {}): LogGroup {
  return construct("log-group", name, props, logGroupAttributes);
}
