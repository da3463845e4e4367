/**
 * Where pods go: every node carries `noros.dev/node-group: <group>`, and noros's workloads (apps and
 * cluster parts alike) require that label by node affinity, with tolerations for exactly that group's
 * taints. An app deploy therefore never lands on, or displaces, what runs on another group.
 */
import type { ClusterProps } from "../../../../dsl/schemas/cluster.js";

export const NODE_GROUP_LABEL = "noros.dev/node-group";

/** The label-selector value of `app.kubernetes.io/name` noros gives a workload. */
export const APP_LABEL = "app.kubernetes.io/name";

/** Kubernetes taint effect -> EKS API enum. */
export const eksTaintEffect = { NoSchedule: "NO_SCHEDULE", PreferNoSchedule: "PREFER_NO_SCHEDULE", NoExecute: "NO_EXECUTE" } as const;

/** Helm-values form (camelCase, as charts take `affinity`): required affinity to one node group. */
export function affinityValues(group: string, antiAffinityLabels?: Record<string, string>) {
  return {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchExpressions: [{ key: NODE_GROUP_LABEL, operator: "In", values: [group] }] }],
      },
    },
    // Replicas prefer different nodes, so that one node's loss never takes all of them.
    ...(antiAffinityLabels
      ? {
          podAntiAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 100, podAffinityTerm: { topologyKey: "kubernetes.io/hostname", labelSelector: { matchLabels: antiAffinityLabels } } },
            ],
          },
        }
      : {}),
  };
}

/** Helm-values form: tolerations of exactly the group's taints. */
export function tolerationValues(cluster: ClusterProps, group: string) {
  return (cluster.nodeGroups[group]?.taints ?? []).map((t) => ({ key: t.key, operator: "Equal", value: t.value, effect: t.effect }));
}

/** Both, as most charts take them at a component's top level. */
export function placement(cluster: ClusterProps, group: string, antiAffinityLabels?: Record<string, string>) {
  return { affinity: affinityValues(group, antiAffinityLabels), tolerations: tolerationValues(cluster, group) };
}
