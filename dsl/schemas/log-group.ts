import { z } from "zod";
import { fail } from "./common.js";

/** The retention periods CloudWatch Logs accepts, in days. */
export const retentionPeriods = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

export const LogGroupSchema = z.strictObject({
  /** How long CloudWatch keeps the events. Logs kept forever are a cost and a liability, so there is no "never". */
  retentionDays: z
    .number()
    .superRefine((value, ctx) => {
      if (!(retentionPeriods as readonly number[]).includes(value)) {
        fail(ctx, "NOROS2013", `retention of ${value} days is not accepted by CloudWatch: use one of ${retentionPeriods.join(", ")}`);
      }
    })
    .default(90),
});

export type LogGroupInput = z.input<typeof LogGroupSchema>;
export type LogGroupProps = z.output<typeof LogGroupSchema>;
