/**
 * A service on EKS: a Deployment in the apps namespace (restricted Pod Security Standard) whose pods
 * require the service's node group by node affinity and tolerate only its taints, run as the image's
 * non-root user with every capability dropped, and are probed on the service's health path; a
 * ClusterIP Service; an Ingress route when asked; a HorizontalPodAutoscaler on the per-pod rate of a
 * counter the app exposes; a disruption budget when more than one pod runs; and a service account
 * bound to the service's own IAM role (`<service>_task`, the role its derived grants attach to, as on
 * ECS). With `tls`, cert-manager issues the service a certificate from the cluster's internal CA.
 */
import type { Graph, GraphNode } from "../../../../compiler/graph.js";
import { nodeNamed } from "../../../../compiler/graph.js";
import type { EksRunProps } from "../../../../dsl/schemas/eks-run.js";
import { rateMetricName } from "../../../../dsl/schemas/eks-run.js";
import type { TerraformDocument } from "../../document.js";
import { interpolate, valueString } from "../../expression.js";
import { localName } from "../../naming.js";
import { APPS_NAMESPACE, appsNamespace, nodeGroupAddress } from "./addresses.js";
import { CA_ISSUER, caRelease, hours } from "./certificate-authority.js";
import { pinnedCharts } from "./charts.js";
import { INGRESS_CLASS } from "./ingress.js";
import { ROLE_ANNOTATION, serviceAccountRole } from "./irsa.js";
import { helmRelease } from "./release.js";
import { APP_LABEL, NODE_GROUP_LABEL } from "./scheduling.js";

/** Where a service's certificate, key and the CA certificate are mounted. */
export const TLS_DIR = "/etc/noros/tls";

const sorted = <T>(entries: Array<[string, T]>) => entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** Kubernetes quantities from the service's Fargate-style size: 0.25 vCPU -> "250m", 512 MiB -> "512Mi". */
const cpuQuantity = (cpu: number): string => `${Math.round(cpu * 1000)}m`;

export function lowerEksWorkload(node: GraphNode<"service">, tf: TerraformDocument, graph: Graph): void {
  const n = node.name;
  const { props } = node;
  const run = props.run as EksRunProps;
  const cluster = nodeNamed(graph, run.cluster.name) as GraphNode<"cluster">;
  const c = cluster.name;
  const group = cluster.props.nodeGroups[run.nodeGroup];
  const labels = { [APP_LABEL]: n, "app.kubernetes.io/managed-by": "noros" };
  const selector = { [APP_LABEL]: n };
  const namespace = interpolate(`${appsNamespace(c)}.metadata[0].name`);
  const replicas = run.autoscale ? run.autoscale.min : (run.replicas ?? 2);

  tf.variable(localName(n, "image_tag"), {
    type: "string",
    description: `The image tag of service ${n} to run: the tag out/docker/push.sh printed when it pushed the image.`,
  });
  const role = serviceAccountRole(tf, { cluster: c, role: localName(n, "task"), owner: n, suffix: "task", namespace: APPS_NAMESPACE, serviceAccount: n, statements: [], origin: n });
  tf.resource(
    "kubernetes_service_account_v1",
    n,
    {
      metadata: { name: n, namespace, labels, annotations: { [ROLE_ANNOTATION]: interpolate(`${role}.arn`) } },
      // The app talks to AWS (through its role), not to the Kubernetes API.
      automount_service_account_token: false,
    },
    n,
  );

  let certificate: string | undefined;
  if (run.tls && cluster.props.certificateAuthority) {
    const ca = cluster.props.certificateAuthority;
    certificate = helmRelease(tf, {
      address: localName(n, "certificate"),
      name: `${n}-certificate`,
      namespace: APPS_NAMESPACE,
      chart: pinnedCharts.raw,
      origin: n,
      dependsOn: [caRelease(c), appsNamespace(c)],
      values: {
        resources: [
          {
            apiVersion: "cert-manager.io/v1",
            kind: "Certificate",
            metadata: { name: `${n}-tls`, namespace: APPS_NAMESPACE },
            spec: {
              secretName: `${n}-tls`,
              // The names other pods reach the service by.
              dnsNames: [n, `${n}.${APPS_NAMESPACE}`, `${n}.${APPS_NAMESPACE}.svc`, `${n}.${APPS_NAMESPACE}.svc.cluster.local`],
              duration: hours(ca.certificateDays),
              renewBefore: hours(Math.ceil(ca.certificateDays / 3)),
              usages: ["server auth", "digital signature"],
              privateKey: { algorithm: "ECDSA", size: 256, rotationPolicy: "Always" },
              issuerRef: { name: CA_ISSUER, kind: "ClusterIssuer", group: "cert-manager.io" },
            },
          },
        ],
      },
    });
  }

  const environment = [
    ...sorted(Object.entries({ ...props.environment })).map(([name, value]) => ({ name, value: valueString(value) })),
    { name: "PORT", value: String(props.port) },
    { name: "HOST", value: "0.0.0.0" },
    ...(run.tls ? [
      { name: "TLS_PORT", value: String(run.tls.port) },
      { name: "TLS_CERT_FILE", value: `${TLS_DIR}/tls.crt` },
      { name: "TLS_KEY_FILE", value: `${TLS_DIR}/tls.key` },
      { name: "TLS_CA_FILE", value: `${TLS_DIR}/ca.crt` },
    ] : []),
  ];
  const probe = (initial: number) => ({
    http_get: { path: props.healthCheck.path, port: "http" },
    initial_delay_seconds: initial,
    period_seconds: props.healthCheck.intervalS,
    timeout_seconds: props.healthCheck.timeoutS,
    failure_threshold: props.healthCheck.retries,
  });
  const memory = `${props.memoryMb}Mi`;
  tf.resource(
    "kubernetes_deployment_v1",
    n,
    {
      metadata: { name: n, namespace, labels },
      spec: {
        replicas: String(replicas),
        selector: { match_labels: selector },
        // A new pod is ready before an old one goes: a deploy never lowers capacity.
        strategy: { type: "RollingUpdate", rolling_update: { max_surge: "1", max_unavailable: "0" } },
        template: {
          metadata: {
            labels,
            annotations: { "prometheus.io/scrape": "true", "prometheus.io/port": String(props.port), "prometheus.io/path": run.metricsPath },
          },
          spec: {
            service_account_name: interpolate(`kubernetes_service_account_v1.${n}.metadata[0].name`),
            automount_service_account_token: false,
            // The image's USER is numeric (10001), so the kubelet can verify it is not root.
            security_context: { run_as_non_root: true, seccomp_profile: { type: "RuntimeDefault" } },
            affinity: {
              node_affinity: {
                required_during_scheduling_ignored_during_execution: {
                  node_selector_term: [{ match_expressions: [{ key: NODE_GROUP_LABEL, operator: "In", values: [run.nodeGroup] }] }],
                },
              },
              pod_anti_affinity: {
                preferred_during_scheduling_ignored_during_execution: [
                  { weight: 100, pod_affinity_term: { topology_key: "kubernetes.io/hostname", label_selector: { match_labels: selector } } },
                ],
              },
            },
            ...((group?.taints.length ?? 0) > 0 ? { toleration: group?.taints.map((t) => ({ key: t.key, operator: "Equal", value: t.value, effect: t.effect })) } : {}),
            container: [
              {
                name: n,
                image: `${interpolate(`aws_ecr_repository.${n}.repository_url`)}:${interpolate(`var.${localName(n, "image_tag")}`)}`,
                port: [{ name: "http", container_port: props.port }, ...(run.tls ? [{ name: "https", container_port: run.tls.port }] : [])],
                env: environment,
                resources: { requests: { cpu: cpuQuantity(props.cpu), memory }, limits: { memory } },
                liveness_probe: probe(props.healthCheck.startPeriodS),
                readiness_probe: probe(0),
                security_context: { allow_privilege_escalation: false, privileged: false, capabilities: { drop: ["ALL"] } },
                ...(run.tls ? { volume_mount: [{ name: "tls", mount_path: TLS_DIR, read_only: true }] } : {}),
              },
            ],
            ...(run.tls ? { volume: [{ name: "tls", secret: { secret_name: `${n}-tls` } }] } : {}),
          },
        },
      },
      // The autoscaler owns the replica count.
      ...(run.autoscale ? { lifecycle: { ignore_changes: ["spec[0].replicas"] } } : {}),
      depends_on: [nodeGroupAddress(c, run.nodeGroup), ...(certificate ? [certificate] : [])],
    },
    n,
  );

  tf.resource(
    "kubernetes_service_v1",
    n,
    {
      metadata: { name: n, namespace, labels },
      spec: {
        type: "ClusterIP",
        selector,
        port: [{ name: "http", port: 80, target_port: "http" }, ...(run.tls ? [{ name: "https", port: 443, target_port: "https" }] : [])],
      },
    },
    n,
  );

  if (replicas > 1 || (run.autoscale?.max ?? 0) > 1) {
    tf.resource("kubernetes_pod_disruption_budget_v1", n, { metadata: { name: n, namespace, labels }, spec: { max_unavailable: "1", selector: { match_labels: selector } } }, n);
  }

  if (run.ingress) {
    tf.resource(
      "kubernetes_ingress_v1",
      n,
      {
        metadata: { name: n, namespace, labels },
        spec: {
          ingress_class_name: INGRESS_CLASS,
          rule: [
            {
              ...(run.ingress.host ? { host: run.ingress.host } : {}),
              http: { path: [{ path: run.ingress.path, path_type: "Prefix", backend: { service: { name: interpolate(`kubernetes_service_v1.${n}.metadata[0].name`), port: { number: 80 } } } }] },
            },
          ],
        },
        depends_on: [`helm_release.${localName(c, "ingress")}`],
      },
      n,
    );
  }

  if (run.autoscale) {
    tf.resource(
      "kubernetes_horizontal_pod_autoscaler_v2",
      n,
      {
        metadata: { name: n, namespace, labels },
        spec: {
          min_replicas: run.autoscale.min,
          max_replicas: run.autoscale.max,
          scale_target_ref: { api_version: "apps/v1", kind: "Deployment", name: interpolate(`kubernetes_deployment_v1.${n}.metadata[0].name`) },
          metric: [
            {
              type: "Pods",
              pods: {
                metric: { name: rateMetricName(run.autoscale.metric.counter) },
                target: { type: "AverageValue", average_value: String(run.autoscale.metric.targetPerPod) },
              },
            },
          ],
        },
        // The metric exists once the adapter serves it.
        depends_on: [`helm_release.${localName(c, "metrics_adapter")}`],
      },
      n,
    );
  }
}
