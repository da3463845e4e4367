import { z } from "zod";
import type { Cluster } from "../cluster.js";
import { fail, use, ValueSchema } from "./common.js";

/** Values a chart accepts: JSON data whose strings may also be references (`topic.arn`) or text. */
export type ChartValue = string | number | boolean | null | readonly ChartValue[] | { readonly [key: string]: ChartValue };
const ChartValueSchema: z.ZodType<unknown> = z.lazy(() =>
  z.union([ValueSchema, z.number(), z.boolean(), z.null(), z.array(ChartValueSchema), z.record(z.string(), ChartValueSchema)]),
);

export const ChartSchema = z.strictObject({
  /** The cluster the chart is installed on. */
  cluster: use<Cluster>("cluster"),
  /** The chart repository, an https URL such as "https://helm.releases.hashicorp.com". */
  repository: z.string().superRefine((value, ctx) => {
    if (!/^https:\/\/[A-Za-z0-9.-]+(?::\d+)?(?:\/[A-Za-z0-9._~\/-]*)?$/.test(value)) fail(ctx, "NOROS2128", `chart repository "${value}" is not an https URL`);
  }),
  /** The chart's name in the repository, e.g. "consul". */
  chart: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "a chart name is lowercase letters, digits and hyphens"),
  /** The exact chart version: a version range would install something else tomorrow. */
  version: z.string().superRefine((value, ctx) => {
    if (!/^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(value)) fail(ctx, "NOROS2129", `chart version "${value}" is not an exact version such as 1.9.3 (ranges and "latest" are refused)`);
  }),
  /** The namespace the release goes to (created if missing). Default: the chart construct's name. */
  namespace: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, "a namespace is up to 63 lowercase letters, digits and hyphens").optional(),
  /** The chart's values. */
  values: z.record(z.string(), ChartValueSchema).default({}),
});

export type ChartInput = z.input<typeof ChartSchema>;
export type ChartProps = z.output<typeof ChartSchema>;
