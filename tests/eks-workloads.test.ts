import { describe, expect, it } from "vitest";
import { staticAssetSnippet } from "../targets/terraform/constructs/eks/ingress.js";
import { clusterSystem, statementsOf, terraformOf, valuesOf, webCluster, type Block } from "./helpers/eks.js";

const requiredGroup = (affinity: any) => affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0];
const coreToleration = [{ key: "dedicated", operator: "Equal", value: "core", effect: "NoSchedule" }];

describe("what runs on the cluster", () => {
  const doc = terraformOf(webCluster);
  const deployment = (name: string) => (doc.resource.kubernetes_deployment_v1?.[name] as any).spec;

  it("pins the ingress controller to core and every app to main, so an app deploy never moves the ingress", () => {
    const ingress = valuesOf(doc, "web_ingress").controller;
    expect(requiredGroup(ingress.affinity)).toEqual({ key: "noros.dev/node-group", operator: "In", values: ["core"] });
    expect(ingress.tolerations).toEqual(coreToleration);
    for (const app of ["shop", "blog", "status"]) {
      const pod = deployment(app).template.spec;
      expect(pod.affinity.node_affinity.required_during_scheduling_ignored_during_execution.node_selector_term[0].match_expressions[0]).toEqual({ key: "noros.dev/node-group", operator: "In", values: ["main"] });
      // main has no taints, so the apps tolerate none: they can never be scheduled on core.
      expect(pod).not.toHaveProperty("toleration");
    }
  });

  it("runs more than one ingress replica, spread over nodes, with a disruption budget", () => {
    const ingress = valuesOf(doc, "web_ingress").controller;
    expect(ingress.replicaCount).toBe(2);
    expect(ingress.minAvailable).toBe(1);
    expect(ingress.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.topologyKey).toBe("kubernetes.io/hostname");
    expect(doc.resource.helm_release?.web_ingress).toMatchObject({ chart: "ingress-nginx", version: "4.14.1", repository: "https://kubernetes.github.io/ingress-nginx", atomic: true });
  });

  it("answers static assets with expiry headers, by extension", () => {
    expect(valuesOf(doc, "web_ingress").controller.config["http-snippet"]).toBe(staticAssetSnippet(["css", "js", "png", "svg", "ico", "woff2"], 604800));
    expect(staticAssetSnippet(["js", "css"], 60)).toBe('map $uri $noros_static_expires {\n  default off;\n  "~*\\.(css|js)$" 60s;\n}\nexpires $noros_static_expires;');
  });

  it("autoscales the shop on the per-pod rate of its request counter, which the adapter serves", () => {
    const hpa = (doc.resource.kubernetes_horizontal_pod_autoscaler_v2?.shop as any).spec;
    expect(hpa).toMatchObject({ min_replicas: 2, max_replicas: 10, scale_target_ref: { kind: "Deployment", name: "${kubernetes_deployment_v1.shop.metadata[0].name}" } });
    expect(hpa.metric).toEqual([{ type: "Pods", pods: { metric: { name: "http_requests_per_second" }, target: { type: "AverageValue", average_value: "20" } } }]);
    const adapter = valuesOf(doc, "web_metrics_adapter");
    expect(adapter.rules.default).toBe(false);
    expect(adapter.rules.custom).toEqual([
      {
        seriesQuery: 'http_requests_total{namespace!="",pod!=""}',
        resources: { overrides: { namespace: { resource: "namespace" }, pod: { resource: "pod" } } },
        name: { matches: "^http_requests_total$", as: "http_requests_per_second" },
        metricsQuery: "sum(rate(<<.Series>>{<<.LabelMatchers>>}[2m])) by (<<.GroupBy>>)",
      },
    ]);
    // The autoscaler owns the replica count; a fixed-size service keeps its own.
    expect((doc.resource.kubernetes_deployment_v1?.shop as Block).lifecycle).toEqual({ ignore_changes: ["spec[0].replicas"] });
    expect(deployment("status").replicas).toBe("2");
    expect(doc.resource.kubernetes_horizontal_pod_autoscaler_v2?.status).toBeUndefined();
  });

  it("scrapes the apps, node-exporter and the ingress, and sends alerts to the SNS topic through a role that may publish there only", () => {
    const monitoring = valuesOf(doc, "web_monitoring");
    expect(monitoring.prometheus.prometheusSpec.additionalScrapeConfigs[0].kubernetes_sd_configs).toEqual([{ role: "pod", namespaces: { names: ["apps"] } }]);
    expect(valuesOf(doc, "web_ingress").controller.metrics).toEqual({ enabled: true, serviceMonitor: { enabled: true } });
    expect(monitoring.alertmanager.config.receivers[1].sns_configs[0]).toMatchObject({ topic_arn: "${aws_sns_topic.alerts.arn}", sigv4: { region: "eu-central-1" } });
    expect(monitoring.alertmanager.serviceAccount.annotations["eks.amazonaws.com/role-arn"]).toBe("${aws_iam_role.web_alertmanager.arn}");
    expect(statementsOf(doc, "web_alertmanager")).toEqual([{ sid: "PublishAlerts", effect: "Allow", actions: ["sns:Publish"], resources: ["${aws_sns_topic.alerts.arn}"] }]);
    const alerts = monitoring.additionalPrometheusRulesMap.noros.groups.flatMap((g: any) => g.rules.map((r: any) => r.alert));
    expect(alerts).toEqual(["IngressHighErrorRate", "IngressReplicasDown", "NodeCpuHigh", "NodeMemoryLow"]);
    expect(requiredGroup(monitoring.prometheus.prometheusSpec.affinity).values).toEqual(["core"]);
  });

  it("lets the cluster autoscaler resize this cluster's autoscaling groups only", () => {
    const statements = statementsOf(doc, "web_autoscaler");
    const scale = statements.find((s) => s.sid === "ScaleOwnNodeGroups");
    expect(scale?.actions).toEqual(["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"]);
    expect(scale?.resources).toHaveLength(2);
    for (const arn of scale?.resources ?? []) expect(arn).toMatch(/^arn:\$\{data\.aws_partition\.current\.partition\}:autoscaling:eu-central-1:\$\{data\.aws_caller_identity\.current\.account_id\}:autoScalingGroup:\*:autoScalingGroupName\/\$\{aws_eks_node_group\.web_(core|main)\.resources\[0\]\.autoscaling_groups\[0\]\.name\}$/);
    // Only read-only describe calls are unscoped (they accept no resource).
    for (const s of statements.filter((s) => s.resources?.includes("*"))) expect(s.actions.every((a) => /:(Describe|Get)/.test(a))).toBe(true);
    const trust = statementsOf(doc, "web_autoscaler_assume")[0];
    expect(trust?.condition?.find((c) => c.variable.endsWith(":sub"))?.values).toEqual(["system:serviceaccount:kube-system:cluster-autoscaler"]);
    expect(valuesOf(doc, "web_autoscaler").autoDiscovery.clusterName).toBe("${aws_eks_cluster.web.name}");
  });

  it("gives each app its own IRSA role, a non-root restricted pod, probes on its health path, a service and an ingress route", () => {
    expect(doc.resource.kubernetes_service_account_v1?.shop).toMatchObject({ automount_service_account_token: false, metadata: { annotations: { "eks.amazonaws.com/role-arn": "${aws_iam_role.shop_task.arn}" } } });
    expect(statementsOf(doc, "shop_task_assume")[0]?.condition?.find((c) => c.variable.endsWith(":sub"))?.values).toEqual(["system:serviceaccount:apps:shop"]);
    const pod = deployment("shop").template.spec;
    expect(pod.security_context).toEqual({ run_as_non_root: true, seccomp_profile: { type: "RuntimeDefault" } });
    const [container] = pod.container;
    expect(container.security_context).toMatchObject({ allow_privilege_escalation: false, capabilities: { drop: ["ALL"] } });
    expect(container.image).toBe("${aws_ecr_repository.shop.repository_url}:${var.shop_image_tag}");
    expect(container.readiness_probe.http_get).toEqual({ path: "/health", port: "http" });
    expect(container.resources).toEqual({ requests: { cpu: "250m", memory: "512Mi" }, limits: { memory: "512Mi" } });
    expect(doc.resource.kubernetes_namespace_v1?.web_apps).toMatchObject({ metadata: { labels: { "pod-security.kubernetes.io/enforce": "restricted" } } });
    expect((doc.resource.kubernetes_ingress_v1?.blog as any).spec.rule[0].http.path[0]).toMatchObject({ path: "/blog", path_type: "Prefix" });
    expect(doc.output.web_ingress_url?.value).toBe("http://${data.kubernetes_service_v1.web_ingress.status[0].load_balancer[0].ingress[0].hostname}/");
  });

  it("issues TLS services a certificate from the internal CA, whose key is made in the cluster", () => {
    const ca = valuesOf(doc, "web_internal_ca").resources;
    expect(ca.map((r: any) => `${r.kind} ${r.metadata.name}`)).toEqual(["ClusterIssuer noros-selfsigned", "Certificate noros-internal-ca", "ClusterIssuer noros-internal-ca"]);
    expect(ca[1].spec).toMatchObject({ isCA: true, privateKey: { algorithm: "ECDSA" } });
    expect(doc.resource.tls_private_key).toBeUndefined();
    const shop = valuesOf(doc, "shop_certificate").resources[0];
    expect(shop.spec).toMatchObject({ secretName: "shop-tls", issuerRef: { name: "noros-internal-ca", kind: "ClusterIssuer" } });
    expect(shop.spec.dnsNames).toContain("shop.apps.svc");
    const [container] = deployment("shop").template.spec.container;
    expect(container.env).toContainEqual({ name: "TLS_CA_FILE", value: "/etc/noros/tls/ca.crt" });
    expect(container.volume_mount).toEqual([{ name: "tls", mount_path: "/etc/noros/tls", read_only: true }]);
    expect(doc.resource.helm_release?.web_cert_manager).toMatchObject({ chart: "cert-manager", version: "v1.19.1" });
  });

  it("installs an author's chart at its exact version in its own namespace, after the node groups", () => {
    const bucketHost = terraformOf(webCluster.replace(/web-cluster\/web-cluster/, "bucket-host/bucket-host"));
    expect(bucketHost.resource.helm_release?.consul).toMatchObject({ chart: "consul", version: "1.9.3", namespace: "consul", repository: "https://helm.releases.hashicorp.com", depends_on: ["aws_eks_node_group.containers_main"] });
    expect(valuesOf(bucketHost, "consul").server).toEqual({ replicas: 3, bootstrapExpect: 3, storage: "10Gi", storageClass: "gp3" });
  });

  it("attaches the grants a service's relationships derive to the IAM role of its service account", () => {
    const file = clusterSystem({ imports: "bucket, lazy", extra: 'const data = bucket("data", { readers: [lazy(() => web)] });', resources: "data" });
    const doc = terraformOf(file);
    expect(doc.resource.aws_iam_role_policy?.web_grants?.role).toBe("${aws_iam_role.web_task.id}");
    expect(statementsOf(doc, "web_grants").flatMap((s) => s.actions).sort()).toEqual(["s3:GetObject", "s3:ListBucket"]);
    expect(doc.resource.kubernetes_service_account_v1?.web).toMatchObject({ metadata: { annotations: { "eks.amazonaws.com/role-arn": "${aws_iam_role.web_task.arn}" } } });
  });
});
