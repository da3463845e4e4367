import type { TerraformDocument } from "../../document.js";
import type { PinnedChart } from "./charts.js";
import { helmValues, type HelmValue } from "./values.js";

export interface Release {
  /** The Terraform local name, e.g. web_ingress. */
  readonly address: string;
  /** The Helm release name in the cluster. */
  readonly name: string;
  readonly namespace: string;
  readonly chart: PinnedChart;
  readonly values: { readonly [key: string]: HelmValue };
  readonly dependsOn?: readonly string[];
  readonly origin: string;
}

/**
 * A Helm release that either installs completely or is rolled back (atomic, waiting for readiness),
 * with a bounded history so that old releases' secrets do not pile up in the cluster.
 */
export function helmRelease(tf: TerraformDocument, release: Release): string {
  return tf.resource(
    "helm_release",
    release.address,
    {
      name: release.name,
      repository: release.chart.repository,
      chart: release.chart.chart,
      version: release.chart.version,
      namespace: release.namespace,
      create_namespace: true,
      atomic: true,
      cleanup_on_fail: true,
      wait: true,
      timeout: 900,
      max_history: 5,
      values: [helmValues(release.values)],
      ...(release.dependsOn && release.dependsOn.length > 0 ? { depends_on: [...release.dependsOn].sort() } : {}),
    },
    release.origin,
  );
}
