import { z } from "zod";
import type { Topic } from "../topic.js";
import { ValueSchema, codedString, fail, use } from "./common.js";

/** CloudWatch namespaces: AWS's own (AWS/EC2) or a custom one, of the characters CloudWatch accepts. */
export const MetricNamespace = codedString(
  "NOROS2046",
  (value) => /^[A-Za-z0-9._\-/#:]{1,255}$/.test(value) && !value.startsWith(":"),
  (value) => `"${value}" is not a CloudWatch namespace: use 1-255 letters, digits and . _ - / # :`,
);

/**
 * A CloudWatch metric alarm on any metric (AWS's or a custom namespace an app writes to, for example
 * with Embedded Metric Format lines), telling its topics when it fires and when it clears.
 */
export const AlarmSchema = z
  .strictObject({
    /** The metric watched. Dimension values may be references (`InstanceId: web.instanceId`). */
    metric: z.strictObject({
      namespace: MetricNamespace,
      name: z.string().min(1).max(255),
      dimensions: z.record(z.string().min(1).max(255), ValueSchema).default({}),
      statistic: z.enum(["Average", "Sum", "Minimum", "Maximum", "SampleCount"]).default("Average"),
    }),
    /** When the alarm fires: the statistic compared with the threshold. */
    comparison: z.enum([">", ">=", "<", "<="]),
    threshold: z.number(),
    /** Length of one period in seconds: 10, 30 or a multiple of 60. */
    periodS: z.number().int().default(60),
    /** How many periods are looked at. */
    evaluationPeriods: z.number().int().min(1).max(100).default(1),
    /** How many of them must breach (all of them unless given). */
    datapointsToAlarm: z.number().int().min(1).optional(),
    /** What a period without data counts as. */
    treatMissingData: z.enum(["missing", "breaching", "notBreaching", "ignore"]).default("missing"),
    /** Topics told when the alarm fires and clears: an alarm nobody hears is refused. */
    topics: z.array(use<Topic>("topic")).default([]),
    description: z.string().max(1024).optional(),
  })
  .superRefine((alarm, ctx) => {
    if (alarm.topics.length === 0) fail(ctx, "NOROS2045", "an alarm needs at least one topic to tell: nobody would hear it", ["topics"]);
    if (![10, 30].includes(alarm.periodS) && (alarm.periodS < 60 || alarm.periodS % 60 !== 0)) {
      fail(ctx, "NOROS2047", `period ${alarm.periodS} s is not one CloudWatch accepts: use 10, 30 or a multiple of 60`, ["periodS"]);
    }
    if (alarm.datapointsToAlarm !== undefined && alarm.datapointsToAlarm > alarm.evaluationPeriods) {
      fail(ctx, "NOROS2047", `datapointsToAlarm (${alarm.datapointsToAlarm}) exceeds evaluationPeriods (${alarm.evaluationPeriods})`, ["datapointsToAlarm"]);
    }
  });

export type AlarmInput = z.input<typeof AlarmSchema>;
export type AlarmProps = z.output<typeof AlarmSchema>;
