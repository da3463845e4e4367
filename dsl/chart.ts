import { construct, type Construct } from "./core.js";
import type { ChartInput } from "./schemas/chart.js";

export const chartAttributes = {} as const;

export type Chart = Construct<"chart", ChartInput>;

/**
 * A Helm chart installed on a cluster at an exact version, from an https repository: how standard
 * software (Consul, a database operator) runs on EKS without writing its manifests.
 */
export function chart(name: string, props: ChartInput): Chart {
  return construct("chart", name, props, chartAttributes);
}
