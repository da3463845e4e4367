import { z } from "zod";
import type { Network } from "../network.js";
import type { Topic } from "../topic.js";
import { Cidr, fail, isConstructName, parseCidr, use } from "./common.js";
import { InstanceType } from "./host.js";
import { retentionPeriods } from "./log-group.js";

/** The control-plane log types EKS can send to CloudWatch. */
export const controlPlaneLogTypes = ["api", "audit", "authenticator", "controllerManager", "scheduler"] as const;

/** Taint effects as Kubernetes spells them (and as `kubectl describe node` shows them). */
export const taintEffects = ["NoSchedule", "PreferNoSchedule", "NoExecute"] as const;
export type TaintEffect = (typeof taintEffects)[number];

/** Label prefixes Kubernetes, EKS or noros set themselves: an author's label there is refused by EKS or overridden. */
const reservedLabelPrefixes = ["kubernetes.io/", "k8s.io/", "eks.amazonaws.com/", "noros.dev/"];

const labelName = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?$/;
const dnsSubdomain = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;

/** A Kubernetes label (or taint) key: `name` or `prefix/name`, the prefix a DNS subdomain. */
export function isLabelKey(key: string): boolean {
  const slash = key.lastIndexOf("/");
  if (slash < 0) return labelName.test(key);
  return dnsSubdomain.test(key.slice(0, slash)) && labelName.test(key.slice(slash + 1));
}

/** A label value: empty, or up to 63 letters, digits, "-", "_" and ".", starting and ending alphanumeric. */
export const isLabelValue = (value: string): boolean => value === "" || labelName.test(value);

function checkLabels(labels: Record<string, string>, ctx: z.RefinementCtx): void {
  for (const [key, value] of Object.entries(labels)) {
    if (!isLabelKey(key)) fail(ctx, "NOROS2126", `label key "${key}" is invalid: use [prefix/]name, the name up to 63 letters, digits, "-", "_" and "." (alphanumeric at both ends)`, [key]);
    else if (reservedLabelPrefixes.some((p) => key.startsWith(p) || key.includes(`.${p}`))) fail(ctx, "NOROS2126", `label key "${key}" uses a reserved prefix (${reservedLabelPrefixes.join(", ")})`, [key]);
    else if (!isLabelValue(value)) fail(ctx, "NOROS2126", `label value "${value}" of ${key} is invalid: up to 63 letters, digits, "-", "_" and ".", alphanumeric at both ends`, [key]);
  }
}

export const TaintSchema = z.strictObject({
  /** The taint's key, e.g. "dedicated". */
  key: z.string(),
  /** Its value, e.g. "core" (may be empty). */
  value: z.string().default(""),
  /** What happens to pods that do not tolerate it: NoSchedule, PreferNoSchedule or NoExecute. */
  effect: z.string().superRefine((value, ctx) => {
    if (!(taintEffects as readonly string[]).includes(value)) fail(ctx, "NOROS2124", `taint effect "${value}" is not one of ${taintEffects.join(", ")}`);
  }),
}).superRefine((taint, ctx) => {
  if (!isLabelKey(taint.key)) fail(ctx, "NOROS2126", `taint key "${taint.key}" is invalid: use [prefix/]name as for a label`, ["key"]);
  if (!isLabelValue(taint.value)) fail(ctx, "NOROS2126", `taint value "${taint.value}" is invalid: as for a label value`, ["value"]);
});

export const NodeGroupSchema = z
  .strictObject({
    /** The EC2 instance type of the group's nodes (Graviton types get the arm64 image). */
    instanceType: InstanceType.default("t3.medium"),
    /** The fewest nodes; the cluster autoscaler never goes below it. */
    min: z.number().int().min(0).max(100).default(1),
    /** The most nodes; the cluster autoscaler never goes above it. */
    max: z.number().int().min(1).max(100).default(3),
    /** Root volume size of each node in GiB (encrypted gp3). */
    diskGb: z.number().int().min(20).max(1000).default(40),
    /** Node labels, in addition to `noros.dev/node-group: <name>` that noros sets for affinity. */
    labels: z.record(z.string(), z.string()).superRefine(checkLabels).default({}),
    /** Taints: only pods that tolerate them are scheduled on the group (noros adds the tolerations for its own workloads). */
    taints: z.array(TaintSchema).default([]),
  })
  .superRefine((group, ctx) => {
    if (group.min > group.max) fail(ctx, "NOROS2122", `min ${group.min} is larger than max ${group.max}`, ["min"]);
  });

/** Where a cluster-wide component runs: the name of one of the cluster's node groups. */
const NodeGroupName = z.string();

export const IngressSchema = z.strictObject({
  /** The node group the ingress controller is pinned to (by required node affinity), so app deploys never move it. */
  nodeGroup: NodeGroupName,
  /** Controller replicas, spread over nodes; at least two so that one node's loss keeps the ingress up. */
  replicas: z.number().int().min(2).max(10).default(2),
  /** Static assets, by file extension, answered with Expires and Cache-Control: max-age headers. */
  staticAssets: z
    .strictObject({
      /** File extensions (without the dot) that count as static assets. */
      extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/, "an extension is 1-10 lowercase letters or digits, without the dot")).min(1),
      /** How long clients may cache them, in seconds. */
      maxAgeS: z.number().int().min(60).max(31_536_000),
    })
    .default({ extensions: ["css", "js", "png", "jpg", "jpeg", "gif", "svg", "ico", "woff", "woff2"], maxAgeS: 604_800 }),
});

export const MonitoringSchema = z.strictObject({
  /** The node group Prometheus, Alertmanager and the metrics adapter run on. */
  nodeGroup: NodeGroupName,
  /** The SNS topic alerts go to (its e-mail subscriptions are the on-call list). */
  alerts: use<Topic>("topic"),
  /** Days Prometheus keeps samples. */
  retentionDays: z.number().int().min(1).max(90).default(15),
});

export const ClusterSchema = z
  .strictObject({
    /** The network whose private subnets hold the control plane's interfaces and the nodes (at least two zones). */
    network: use<Network>("network"),
    /** The Kubernetes minor version, e.g. "1.34". */
    version: z
      .string()
      .superRefine((value, ctx) => {
        if (!/^1\.(?:2[89]|3[0-9])$/.test(value)) fail(ctx, "NOROS2120", `Kubernetes version "${value}" is not one EKS offers: write a minor version such as "1.34"`);
      })
      .default("1.34"),
    /**
     * Address ranges that may reach the API server from the internet. Empty (the default): the API is
     * reachable only from inside the VPC. The range is also a Terraform variable, so a CI runner can
     * be let in per deployment.
     */
    publicAccessCidrs: z
      .array(Cidr)
      .superRefine((cidrs, ctx) => {
        cidrs.forEach((cidr, i) => {
          const parsed = parseCidr(cidr);
          if (parsed && parsed[1] < 8) fail(ctx, "NOROS2121", `${cidr} opens the Kubernetes API to a large part of the internet: list the ranges your operators and CI use`, [i]);
        });
      })
      .default([]),
    /** Control-plane log types sent to CloudWatch Logs. */
    logTypes: z.array(z.enum(controlPlaneLogTypes)).default([...controlPlaneLogTypes]),
    /** Days CloudWatch keeps the control-plane logs. */
    logRetentionDays: z
      .number()
      .superRefine((value, ctx) => {
        if (!(retentionPeriods as readonly number[]).includes(value)) fail(ctx, "NOROS2013", `retention of ${value} days is not accepted by CloudWatch: use one of ${retentionPeriods.join(", ")}`);
      })
      .default(90),
    /** Managed node groups by name (`core`, `main`): each its own autoscaling group in the private subnets. */
    nodeGroups: z.record(z.string(), NodeGroupSchema),
    /** An ingress-nginx controller behind a network load balancer. */
    ingress: IngressSchema.optional(),
    /** The cluster autoscaler, with an IRSA role limited to this cluster's node groups; runs on the given node group. */
    autoscaler: z.strictObject({ nodeGroup: NodeGroupName }).optional(),
    /** Prometheus (nodes, ingress, apps), Alertmanager to SNS, and the adapter that serves custom metrics to autoscalers. */
    monitoring: MonitoringSchema.optional(),
    /**
     * An internal certificate authority (cert-manager): every service on the cluster gets a certificate
     * for its in-cluster DNS names, signed by a CA whose key never leaves the cluster.
     */
    certificateAuthority: z
      .strictObject({
        /** The node group cert-manager runs on. */
        nodeGroup: NodeGroupName,
        /** Validity of the CA certificate in days (renewed by cert-manager a third before expiry). */
        validityDays: z.number().int().min(30).max(3650).default(1825),
        /** Validity of each service certificate in days. */
        certificateDays: z.number().int().min(1).max(397).default(90),
      })
      .optional(),
  })
  .superRefine((cluster, ctx) => {
    const groups = Object.keys(cluster.nodeGroups);
    if (groups.length === 0) fail(ctx, "NOROS2125", "a cluster needs at least one node group", ["nodeGroups"]);
    for (const name of groups) {
      if (!isConstructName(name)) fail(ctx, "NOROS2002", `node group name "${name}" is invalid: use 1-32 lowercase letters, digits and single hyphens, starting with a letter`, ["nodeGroups", name]);
    }
    for (const part of ["ingress", "autoscaler", "monitoring", "certificateAuthority"] as const) {
      const wanted = cluster[part]?.nodeGroup;
      if (wanted !== undefined && !groups.includes(wanted)) {
        fail(ctx, "NOROS2125", `${part} runs on node group "${wanted}", which the cluster does not declare (it has ${groups.join(", ") || "none"})`, [part, "nodeGroup"]);
      }
    }
  });

export type ClusterInput = z.input<typeof ClusterSchema>;
export type ClusterProps = z.output<typeof ClusterSchema>;
export type NodeGroupProps = z.output<typeof NodeGroupSchema>;
