import { construct, type Construct, type Ref } from "./core.js";
import type { AlarmInput } from "./schemas/alarm.js";

/** The references an alarm exposes, and the type of value each stands for. */
export const alarmAttributes = { arn: "arn" } as const;

export type Alarm = Construct<"alarm", AlarmInput> & { readonly arn: Ref<"arn"> };

/** A CloudWatch alarm on any metric, telling its topics when it fires and when it clears. */
export function alarm(name: string, props: AlarmInput): Alarm {
  return construct("alarm", name, props, alarmAttributes);
}
