import { construct, type Construct, type Ref } from "./core.js";
import type { ClusterInput } from "./schemas/cluster.js";

/** The references a cluster exposes. */
export const clusterAttributes = { arn: "arn", endpoint: "url", oidcIssuer: "url", ingressHostname: "hostname" } as const;

export type Cluster = Construct<"cluster", ClusterInput> & {
  readonly arn: Ref<"arn">;
  readonly endpoint: Ref<"url">;
  readonly oidcIssuer: Ref<"url">;
  /** The DNS name of the ingress controller's load balancer (for a cluster with `ingress`). */
  readonly ingressHostname: Ref<"hostname">;
};

/**
 * An EKS cluster in a network's private subnets: control-plane logs in CloudWatch, secrets encrypted
 * with its own KMS key, the API reachable only from the VPC unless `publicAccessCidrs` says otherwise,
 * an OIDC provider for IAM roles of service accounts, and managed node groups with labels and taints.
 * Optional cluster-wide parts: ingress, autoscaler, monitoring, an internal certificate authority.
 * Services run on it with `run: { on: "eks", cluster }`.
 */
export function cluster(name: string, props: ClusterInput): Cluster {
  return construct("cluster", name, props, clusterAttributes);
}
