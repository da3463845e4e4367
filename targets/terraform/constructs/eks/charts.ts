/**
 * The Helm charts noros installs on a cluster, each at an exact version: a chart range would install
 * something else tomorrow. Listed in the README's provider table; bump them here, deliberately.
 */
export interface PinnedChart {
  readonly repository: string;
  readonly chart: string;
  readonly version: string;
}

export const pinnedCharts = {
  /** The ingress controller (controller v1.14.1). */
  ingressNginx: { repository: "https://kubernetes.github.io/ingress-nginx", chart: "ingress-nginx", version: "4.14.1" },
  /** The cluster autoscaler (v1.34, matching the default Kubernetes version). */
  clusterAutoscaler: { repository: "https://kubernetes.github.io/autoscaler", chart: "cluster-autoscaler", version: "9.52.1" },
  /** Prometheus operator, Prometheus, Alertmanager, node-exporter, kube-state-metrics. */
  kubePrometheusStack: { repository: "https://prometheus-community.github.io/helm-charts", chart: "kube-prometheus-stack", version: "79.7.1" },
  /** Serves Prometheus queries as the custom metrics API, which horizontal pod autoscalers read. */
  prometheusAdapter: { repository: "https://prometheus-community.github.io/helm-charts", chart: "prometheus-adapter", version: "5.2.0" },
  /** cert-manager, which runs the internal certificate authority. */
  certManager: { repository: "https://charts.jetstack.io", chart: "cert-manager", version: "v1.19.1" },
  /**
   * Renders given manifests as one release: how cert-manager's issuers and certificates (custom
   * resources) are applied. Unlike kubernetes_manifest, a release needs no API server at plan time,
   * so a cluster and what runs on it are created in one apply.
   */
  raw: { repository: "https://bedag.github.io/helm-charts/", chart: "raw", version: "2.0.1" },
} as const satisfies Record<string, PinnedChart>;
