import { cluster } from "noros";
import { alerts } from "./alerts.ts";
import { network } from "./network.ts";

/** Taint of the core group: only what tolerates it (noros's cluster parts) is scheduled there. */
const coreOnly = { key: "dedicated", value: "core", effect: "NoSchedule" } as const;

export const web = cluster("web", {
  network,
  version: "1.34",
  // requirement S4.2: two node groups, "core" (tainted: ingress, autoscaler, monitoring, CA) and "main" (apps), each part pinned to its group by required node affinity
  nodeGroups: {
    core: {
      instanceType: "t3.medium",
      min: 2,
      max: 3,
      labels: { role: "core" },
      taints: [coreOnly],
    },
    main: { instanceType: "t3.medium", min: 2, max: 6, labels: { role: "apps" } },
  },
  // requirement S4.3 (partly): ingress-nginx with two replicas pinned to "core", Expires/Cache-Control max-age for static assets (a week)
  ingress: {
    nodeGroup: "core",
    replicas: 2,
    staticAssets: { extensions: ["css", "js", "png", "svg", "ico", "woff2"], maxAgeS: 604800 },
  },
  autoscaler: { nodeGroup: "core" },
  // requirement S4.4: Prometheus with node-exporter and the ingress controller's metrics, alert rules for nodes and nginx, Alertmanager to the SNS topic (e-mail)
  monitoring: { nodeGroup: "core", alerts, retentionDays: 15 },
  // requirement S4.5: an internal CA (cert-manager, key generated in the cluster) issuing each TLS service a certificate for its cluster DNS names
  certificateAuthority: { nodeGroup: "core", validityDays: 1825, certificateDays: 90 },
});
