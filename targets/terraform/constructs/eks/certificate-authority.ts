/**
 * The cluster's internal certificate authority, run by cert-manager: a self-signed bootstrap issuer
 * signs the CA certificate (ECDSA P-256), and the `noros-internal-ca` ClusterIssuer signs each
 * service's certificate with it. The CA's private key is generated in the cluster and never leaves
 * it: it is in no Terraform state and no artefact (which a tls_private_key would be). cert-manager
 * renews the CA and every certificate before they expire.
 */
import type { GraphNode } from "../../../../compiler/graph.js";
import type { TerraformDocument } from "../../document.js";
import { localName } from "../../naming.js";
import { pinnedCharts } from "./charts.js";
import { helmRelease } from "./release.js";
import { placement } from "./scheduling.js";

export const CERT_MANAGER_NAMESPACE = "cert-manager";
export const CA_ISSUER = "noros-internal-ca";
const BOOTSTRAP_ISSUER = "noros-selfsigned";
const CA_SECRET = "noros-internal-ca";

export const caRelease = (cluster: string): string => `helm_release.${localName(cluster, "internal_ca")}`;

/** A Go duration in hours, as cert-manager takes it. */
export const hours = (days: number): string => `${days * 24}h`;

export function lowerCertificateAuthority(node: GraphNode<"cluster">, tf: TerraformDocument, groups: readonly string[], monitoring: string | undefined): void {
  const n = node.name;
  const ca = node.props.certificateAuthority as NonNullable<GraphNode<"cluster">["props"]["certificateAuthority"]>;
  const where = placement(node.props, ca.nodeGroup);
  const certManager = helmRelease(tf, {
    address: localName(n, "cert_manager"),
    name: "cert-manager",
    namespace: CERT_MANAGER_NAMESPACE,
    chart: pinnedCharts.certManager,
    origin: n,
    dependsOn: [...groups, ...(monitoring ? [monitoring] : [])],
    values: {
      // The CRDs stay when the release goes, so certificates are not deleted with it by accident.
      crds: { enabled: true, keep: true },
      ...where,
      webhook: where,
      cainjector: where,
      startupapicheck: where,
      prometheus: { enabled: monitoring !== undefined, servicemonitor: { enabled: monitoring !== undefined } },
    },
  });
  helmRelease(tf, {
    address: localName(n, "internal_ca"),
    name: "internal-ca",
    namespace: CERT_MANAGER_NAMESPACE,
    chart: pinnedCharts.raw,
    origin: n,
    // cert-manager's webhook must be ready before it accepts issuers: the release above waits for it.
    dependsOn: [certManager],
    values: {
      resources: [
        { apiVersion: "cert-manager.io/v1", kind: "ClusterIssuer", metadata: { name: BOOTSTRAP_ISSUER }, spec: { selfSigned: {} } },
        {
          apiVersion: "cert-manager.io/v1",
          kind: "Certificate",
          metadata: { name: CA_SECRET, namespace: CERT_MANAGER_NAMESPACE },
          spec: {
            isCA: true,
            commonName: `${n} internal CA`,
            secretName: CA_SECRET,
            duration: hours(ca.validityDays),
            renewBefore: hours(Math.ceil(ca.validityDays / 3)),
            privateKey: { algorithm: "ECDSA", size: 256, rotationPolicy: "Always" },
            issuerRef: { name: BOOTSTRAP_ISSUER, kind: "ClusterIssuer", group: "cert-manager.io" },
          },
        },
        { apiVersion: "cert-manager.io/v1", kind: "ClusterIssuer", metadata: { name: CA_ISSUER }, spec: { ca: { secretName: CA_SECRET } } },
      ],
    },
  });
}
