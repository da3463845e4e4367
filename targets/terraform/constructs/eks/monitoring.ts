/**
 * Monitoring of a cluster: kube-prometheus-stack (Prometheus, Alertmanager, node-exporter on every
 * node, kube-state-metrics) pinned to the monitoring node group; Prometheus also scrapes the ingress
 * controller and every app pod annotated by noros. Alertmanager sends to the system's SNS topic with
 * an IRSA role that may publish to that topic only. When a service autoscales on a counter, the
 * Prometheus adapter serves the counter's per-second rate as a custom metric.
 */
import type { GraphNode } from "../../../../compiler/graph.js";
import { rateMetricName } from "../../../../dsl/schemas/eks-run.js";
import type { TerraformDocument } from "../../document.js";
import { interpolate, refExpression } from "../../expression.js";
import { localName } from "../../naming.js";
import { pinnedCharts } from "./charts.js";
import { serviceAccountRole, ROLE_ANNOTATION } from "./irsa.js";
import { helmRelease } from "./release.js";
import { placement } from "./scheduling.js";
import { expr, type HelmValue } from "./values.js";

export const MONITORING_NAMESPACE = "monitoring";
/** With fullnameOverride "monitoring", the chart's Prometheus service is monitoring-prometheus. */
export const PROMETHEUS_URL = `http://monitoring-prometheus.${MONITORING_NAMESPACE}.svc`;
const ALERTMANAGER_ACCOUNT = "alertmanager";

/** Pods in the apps namespace that noros annotated, scraped on their metrics port and path. */
const appsScrapeJob = {
  job_name: "noros-apps",
  kubernetes_sd_configs: [{ role: "pod", namespaces: { names: ["apps"] } }],
  relabel_configs: [
    { source_labels: ["__meta_kubernetes_pod_annotation_prometheus_io_scrape"], action: "keep", regex: "true" },
    { source_labels: ["__meta_kubernetes_pod_annotation_prometheus_io_path"], action: "replace", target_label: "__metrics_path__", regex: "(.+)" },
    { source_labels: ["__address__", "__meta_kubernetes_pod_annotation_prometheus_io_port"], action: "replace", regex: "([^:]+)(?::\\d+)?;(\\d+)", replacement: "$1:$2", target_label: "__address__" },
    { source_labels: ["__meta_kubernetes_namespace"], target_label: "namespace" },
    { source_labels: ["__meta_kubernetes_pod_name"], target_label: "pod" },
    { source_labels: ["__meta_kubernetes_pod_label_app_kubernetes_io_name"], target_label: "service" },
  ],
};

/** Alerts noros adds to the chart's default rules (which already cover nodes not ready, disks filling up, ...). */
function rules(node: GraphNode<"cluster">): HelmValue {
  const ingress = node.props.ingress;
  const nginx = ingress
    ? [
        {
          alert: "IngressHighErrorRate",
          expr: 'sum(rate(nginx_ingress_controller_requests{status=~"5.."}[5m])) / clamp_min(sum(rate(nginx_ingress_controller_requests[5m])), 1e-9) > 0.05',
          for: "10m",
          labels: { severity: "critical" },
          annotations: { summary: "More than 5% of requests through the ingress fail with a 5xx status." },
        },
        {
          alert: "IngressReplicasDown",
          expr: `sum(up{job="ingress-nginx-controller-metrics"}) < ${ingress.replicas}`,
          for: "5m",
          labels: { severity: "warning" },
          annotations: { summary: `Fewer than ${ingress.replicas} ingress controller replicas are up.` },
        },
      ]
    : [];
  return {
    noros: {
      groups: [
        ...(nginx.length > 0 ? [{ name: "noros-ingress", rules: nginx }] : []),
        {
          name: "noros-nodes",
          rules: [
            { alert: "NodeCpuHigh", expr: '1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[5m])) > 0.9', for: "15m", labels: { severity: "warning" }, annotations: { summary: "A node's CPU has been over 90% busy for 15 minutes." } },
            { alert: "NodeMemoryLow", expr: "node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes < 0.1", for: "10m", labels: { severity: "warning" }, annotations: { summary: "A node has had less than 10% of its memory available for 10 minutes." } },
          ],
        },
      ],
    },
  };
}

/** Installs monitoring when the cluster declares it; returns the release's address (others wait for its CRDs). */
export function lowerMonitoring(node: GraphNode<"cluster">, tf: TerraformDocument, services: ReadonlyArray<GraphNode<"service">>, groups: readonly string[], region: string): string | undefined {
  const monitoring = node.props.monitoring;
  if (!monitoring) return undefined;
  const n = node.name;
  const topic = refExpression({ $noros: "ref", kind: "topic", name: monitoring.alerts.name, attribute: "arn" });
  const role = serviceAccountRole(tf, {
    cluster: n,
    role: localName(n, "alertmanager"),
    owner: n,
    suffix: "alertmanager",
    namespace: MONITORING_NAMESPACE,
    serviceAccount: ALERTMANAGER_ACCOUNT,
    statements: [{ sid: "PublishAlerts", actions: ["sns:Publish"], resources: [interpolate(topic)] }],
    origin: n,
  });
  const where = placement(node.props, monitoring.nodeGroup);
  const release = helmRelease(tf, {
    address: localName(n, "monitoring"),
    name: "monitoring",
    namespace: MONITORING_NAMESPACE,
    chart: pinnedCharts.kubePrometheusStack,
    origin: n,
    dependsOn: groups,
    values: {
      fullnameOverride: "monitoring",
      // No dashboard with an admin password to manage; Prometheus and Alertmanager are reached by port-forward.
      grafana: { enabled: false },
      // EKS runs these on the managed control plane, where they cannot be scraped: their targets would always be down.
      kubeEtcd: { enabled: false },
      kubeScheduler: { enabled: false },
      kubeControllerManager: { enabled: false },
      kubeProxy: { enabled: false },
      prometheusOperator: where,
      "kube-state-metrics": where,
      prometheus: {
        prometheusSpec: {
          ...where,
          retention: `${monitoring.retentionDays}d`,
          // Select every ServiceMonitor and rule (the ingress controller's, cert-manager's), not only this release's.
          serviceMonitorSelectorNilUsesHelmValues: false,
          podMonitorSelectorNilUsesHelmValues: false,
          ruleSelectorNilUsesHelmValues: false,
          additionalScrapeConfigs: [appsScrapeJob],
        },
      },
      alertmanager: {
        serviceAccount: { create: true, name: ALERTMANAGER_ACCOUNT, annotations: { [ROLE_ANNOTATION]: expr(`${role}.arn`) } },
        alertmanagerSpec: where,
        config: {
          route: {
            receiver: "sns",
            group_by: ["alertname", "namespace"],
            group_wait: "30s",
            group_interval: "5m",
            repeat_interval: "4h",
            // Watchdog always fires (it proves the pipeline works); it is not news.
            routes: [{ receiver: "null", matchers: ['alertname = "Watchdog"'] }, { receiver: "null", matchers: ['alertname = "InfoInhibitor"'] }],
          },
          receivers: [
            { name: "null" },
            { name: "sns", sns_configs: [{ topic_arn: expr(topic), sigv4: { region }, subject: "[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }}", send_resolved: true }] },
          ],
        },
      },
      additionalPrometheusRulesMap: rules(node),
    },
  });

  const counters = [...new Set(services.flatMap((s) => (s.props.run?.on === "eks" && s.props.run.autoscale ? [s.props.run.autoscale.metric.counter] : [])))].sort();
  if (counters.length > 0) {
    helmRelease(tf, {
      address: localName(n, "metrics_adapter"),
      name: "metrics-adapter",
      namespace: MONITORING_NAMESPACE,
      chart: pinnedCharts.prometheusAdapter,
      origin: n,
      dependsOn: [release],
      values: {
        ...where,
        prometheus: { url: PROMETHEUS_URL, port: 9090 },
        rules: {
          default: false,
          custom: counters.map((counter) => ({
            seriesQuery: `${counter}{namespace!="",pod!=""}`,
            resources: { overrides: { namespace: { resource: "namespace" }, pod: { resource: "pod" } } },
            name: { matches: `^${counter}$`, as: rateMetricName(counter) },
            metricsQuery: "sum(rate(<<.Series>>{<<.LabelMatchers>>}[2m])) by (<<.GroupBy>>)",
          })),
        },
      },
    });
  }
  return release;
}
