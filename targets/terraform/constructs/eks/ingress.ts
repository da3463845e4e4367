/**
 * ingress-nginx behind a network load balancer: at least two replicas, required node affinity to the
 * ingress node group (with its taints tolerated) and anti-affinity between replicas, so an app deploy
 * never moves it and one node's loss never takes it down; a disruption budget keeps one replica up
 * through node drains. Static assets (by extension) get Expires and Cache-Control: max-age headers.
 */
import type { GraphNode } from "../../../../compiler/graph.js";
import type { TerraformDocument } from "../../document.js";
import { interpolate } from "../../expression.js";
import { localName } from "../../naming.js";
import { pinnedCharts } from "./charts.js";
import { helmRelease } from "./release.js";
import { placement } from "./scheduling.js";

export const INGRESS_NAMESPACE = "ingress-nginx";
export const INGRESS_CLASS = "nginx";
/** With fullnameOverride "ingress-nginx", the controller's service. */
const CONTROLLER_SERVICE = "ingress-nginx-controller";

export const ingressService = (cluster: string): string => `data.kubernetes_service_v1.${localName(cluster, "ingress")}`;

/**
 * nginx configuration at http level: a map from the request URI to an expiry, used by `expires`
 * (which sets both Expires and Cache-Control: max-age). Anything not listed gets no caching headers.
 */
export function staticAssetSnippet(extensions: readonly string[], maxAgeS: number): string {
  return [
    "map $uri $noros_static_expires {",
    "  default off;",
    `  "~*\\.(${[...extensions].sort().join("|")})$" ${maxAgeS}s;`,
    "}",
    "expires $noros_static_expires;",
  ].join("\n");
}

export function lowerIngress(node: GraphNode<"cluster">, tf: TerraformDocument, groups: readonly string[], monitoring: string | undefined): void {
  const n = node.name;
  const ingress = node.props.ingress as NonNullable<GraphNode<"cluster">["props"]["ingress"]>;
  const selector = { "app.kubernetes.io/name": "ingress-nginx", "app.kubernetes.io/component": "controller" };
  const release = helmRelease(tf, {
    address: localName(n, "ingress"),
    name: "ingress-nginx",
    namespace: INGRESS_NAMESPACE,
    chart: pinnedCharts.ingressNginx,
    origin: n,
    // The ServiceMonitor needs the monitoring CRDs first.
    dependsOn: [...groups, ...(monitoring ? [monitoring] : [])],
    values: {
      fullnameOverride: "ingress-nginx",
      controller: {
        replicaCount: ingress.replicas,
        minAvailable: 1,
        ...placement(node.props, ingress.nodeGroup, selector),
        ingressClassResource: { name: INGRESS_CLASS, enabled: true, default: true },
        config: {
          "http-snippet": staticAssetSnippet(ingress.staticAssets.extensions, ingress.staticAssets.maxAgeS),
          "server-tokens": "false",
          "use-gzip": "true",
        },
        service: {
          type: "LoadBalancer",
          // Client addresses reach the apps; only nodes running a controller pass the load balancer's health check.
          externalTrafficPolicy: "Local",
          annotations: { "service.beta.kubernetes.io/aws-load-balancer-type": "nlb" },
        },
        metrics: { enabled: monitoring !== undefined, serviceMonitor: { enabled: monitoring !== undefined } },
        admissionWebhooks: { patch: placement(node.props, ingress.nodeGroup) },
      },
    },
  });
  tf.data("kubernetes_service_v1", localName(n, "ingress"), { metadata: { name: CONTROLLER_SERVICE, namespace: INGRESS_NAMESPACE }, depends_on: [release] }, n);
}

/** The ingress load balancer's DNS name, as a Terraform expression. */
export const ingressHostname = (cluster: string): string => `${ingressService(cluster)}.status[0].load_balancer[0].ingress[0].hostname`;

/** `<cluster>_ingress_url`, unless the author has an output of that name. */
export function ingressOutput(node: GraphNode<"cluster">, tf: TerraformDocument): void {
  const name = `${node.name}_ingress_url`;
  if (!node.props.ingress || tf.hasOutput(name)) return;
  tf.output(name, { value: `http://${interpolate(ingressHostname(node.name))}/` }, node.name);
}
