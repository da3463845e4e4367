import type { Artefact } from "../../compiler/artefact.js";
import { nodesOf, type Graph } from "../../compiler/graph.js";
import { canonicalJson } from "../../compiler/util/canonical-json.js";
import { lowerBucket } from "./constructs/bucket.js";
import { lowerDelivery } from "./constructs/delivery.js";
import { lowerFunction } from "./constructs/function.js";
import { lowerObjectTriggers, lowerSchedules } from "./constructs/function-triggers.js";
import { lowerHttpApi } from "./constructs/http-api.js";
import { lowerChart } from "./constructs/eks/chart.js";
import { lowerCluster } from "./constructs/eks/cluster.js";
import { ingressOutput } from "./constructs/eks/ingress.js";
import { lowerEksWorkload } from "./constructs/eks/workload.js";
import { lowerHost } from "./constructs/host.js";
import { lowerHostGroup } from "./constructs/host-group.js";
import { lowerVolume } from "./constructs/volume.js";
import { lowerSnapshots } from "./constructs/snapshots.js";
import { lowerAlarm } from "./constructs/alarm.js";
import { lowerParameter } from "./constructs/parameter.js";
import { lowerHostModuleRules } from "./constructs/host-modules.js";
import { lowerUserDataStaging } from "./constructs/user-data-staging.js";
import { lowerGrants, lowerGroup, lowerUser } from "./constructs/iam.js";
import { lowerLogGroup } from "./constructs/log-group.js";
import { lowerNetwork } from "./constructs/network.js";
import { lowerRawTerraform, type RawConflict } from "./constructs/raw-terraform.js";
import { lowerService } from "./constructs/service.js";
import { accessLogNeeds, loadBalancerUrl, lowerLoadBalancer } from "./constructs/load-balancer.js";
import { lowerCertificate } from "./constructs/certificate.js";
import { dnsZoneOutputs, lowerDnsZone } from "./constructs/dns-zone.js";
import { lowerDnsRecord } from "./constructs/dns-record.js";
import { lowerFailover } from "./constructs/failover.js";
import { lowerHealthCheck } from "./constructs/health-check.js";
import { lowerTopic } from "./constructs/topic.js";
import { lowerKmsKey } from "./constructs/kms-key.js";
import { lowerSecret } from "./constructs/secret.js";
import { lowerDatabase } from "./constructs/database.js";
import { lowerCache } from "./constructs/cache.js";
import { lowerPipelines } from "./constructs/pipelines.js";
import { lowerImageBuild } from "./constructs/image-build.js";
import { backendSettings } from "./backend.js";
import { systemTags } from "./default-tags.js";
import { TerraformDocument } from "./document.js";
import { refString, valueString } from "./expression.js";
import { lowerFlows } from "./security-groups.js";
import { clusterProviders, pinnedProviders, REQUIRED_TERRAFORM } from "./providers.js";

export interface TerraformOutput {
  /** The generated document: checked, then printed by printTerraform. */
  readonly document: Record<string, unknown>;
  /** Terraform address -> the construct (or "system") it was generated from. */
  readonly origins: ReadonlyMap<string, string>;
  /** Escape-hatch blocks refused because their address is taken. */
  readonly conflicts: readonly RawConflict[];
  /** Each function's zip (functions/<name>.zip), which main.tf.json refers to by a path relative to itself. */
  readonly packages: readonly Artefact[];
}

/** Outputs every deployment has: where each construct can be reached. */
const endpointOutputs: Record<string, Record<string, string>> = {
  bucket: { bucket_name: "bucketName", arn: "arn" },
  host: { instance_id: "instanceId", private_ip: "privateIp" },
  "host-group": { name: "groupName" },
  volume: { id: "volumeId" },
  topic: { arn: "arn" },
  "log-group": { arn: "arn" },
  service: { repository_url: "repositoryUrl" },
  "load-balancer": { dns_name: "dnsName" },
  "dns-record": { fqdn: "fqdn" },
  failover: { fqdn: "fqdn" },
  "kms-key": { arn: "arn" },
  secret: { arn: "arn" },
  database: { endpoint: "endpoint", port: "port" },
  cache: { endpoint: "endpoint", port: "port" },
  function: { function_name: "functionName" },
  "http-api": { url: "url" },
  "image-build": { repository_url: "repositoryUrl", project_name: "projectName" },
  cluster: { endpoint: "endpoint" },
};

export function lowerTerraform(graph: Graph): TerraformOutput {
  const { system } = graph;
  const clusters = new Map(nodesOf(graph, "cluster").map((n) => [n.name, n]));
  const tf = new TerraformDocument(
    { required_version: REQUIRED_TERRAFORM, required_providers: { aws: pinnedProviders.aws }, ...backendSettings(system.props) },
    {
      aws: {
        region: system.props.region,
        default_tags: { tags: systemTags(system) },
      },
    },
  );
  tf.variable("name_prefix", {
    type: "string",
    default: system.name,
    description: "Prefix of every physical name, so that several deployments of this system can coexist.",
    validation: [{ condition: "${can(regex(\"^[a-z][a-z0-9-]{0,29}$\", var.name_prefix))}", error_message: "Use at most 30 lowercase letters, digits and hyphens." }],
  });
  tf.variable("noros_run", { type: "string", default: "none", description: "Run id tagged as noros:run on every resource (set by `noros test`)." });

  // A cluster's workloads and charts go through the kubernetes and helm providers; only then are they required.
  if (clusters.size > 0) for (const [name, requirement] of Object.entries(clusterProviders)) tf.requireProvider(name, requirement);
  const networks = new Map(nodesOf(graph, "network").map((n) => [n.name, n]));
  const secrets = new Map(nodesOf(graph, "secret").map((n) => [n.name, n]));
  const packages: Artefact[] = [];
  const hosts = new Map(nodesOf(graph, "host").map((n) => [n.name, n]));
  for (const node of graph.nodes) {
    switch (node.kind) {
      case "network":
        lowerNetwork(node, tf, system.props.region);
        break;
      case "bucket":
        lowerBucket(node, tf, networks, node.name, accessLogNeeds(graph, node.name, tf));
        break;
      case "group":
        lowerGroup(node, tf);
        break;
      case "user":
        lowerUser(node, tf);
        break;
      case "host":
        lowerHost(node, tf, graph, networks);
        lowerHostModuleRules(node, tf, graph);
        lowerUserDataStaging(node, tf, graph);
        break;
      case "host-group":
        lowerHostGroup(node, tf, graph, networks);
        lowerHostModuleRules(node, tf, graph);
        lowerUserDataStaging(node, tf, graph);
        break;
      case "volume":
        lowerVolume(node, tf, hosts);
        break;
      case "snapshots":
        lowerSnapshots(node, tf, graph);
        break;
      case "alarm":
        lowerAlarm(node, tf);
        break;
      case "parameter":
        lowerParameter(node, tf);
        break;
      case "topic":
        lowerTopic(node, tf, graph);
        break;
      case "log-group":
        lowerLogGroup(node, tf, system.props.region);
        break;
      case "service":
        lowerService(node, tf, networks, system.props.region, graph, secrets);
        if (node.props.run?.on === "eks") lowerEksWorkload(node, tf, graph);
        break;
      case "load-balancer":
        lowerLoadBalancer(node, tf, graph, networks);
        break;
      case "certificate":
        lowerCertificate(node, tf);
        break;
      case "dns-zone":
        lowerDnsZone(node, tf);
        break;
      case "dns-record":
        lowerDnsRecord(node, tf);
        break;
      case "health-check":
        lowerHealthCheck(node, tf);
        break;
      case "failover":
        lowerFailover(node, tf);
        break;
      case "kms-key":
        lowerKmsKey(node, tf, graph, system.props.region);
        break;
      case "secret":
        lowerSecret(node, tf, system.props.region);
        break;
      case "database":
        lowerDatabase(node, tf, networks, secrets);
        break;
      case "cache":
        lowerCache(node, tf, networks);
        break;
      case "function": {
        const source = graph.functionSources?.get(node.name);
        if (!source) throw new Error(`internal: the sources of function ${node.name} were not read`);
        packages.push(lowerFunction(node, tf, source, system.props.region));
        lowerSchedules(node, tf);
        break;
      }
      case "http-api":
        lowerHttpApi(node, tf, system.props.region);
        break;
      case "cluster":
        lowerCluster(node, tf, graph, networks, system.props.region);
        break;
      case "chart":
        lowerChart(node, tf, clusters);
        break;
      case "pipelines":
        lowerPipelines(node, tf, graph);
        break;
      case "image-build":
        lowerImageBuild(node, tf, networks, system.props.region);
        break;
    }
  }
  lowerFlows(graph, tf);
  lowerObjectTriggers(graph, tf);
  lowerGrants(graph, tf);
  lowerDelivery(graph, tf);

  for (const [name, value] of Object.entries(system.props.outputs).sort(([a], [b]) => (a < b ? -1 : 1))) {
    tf.output(name, { value: valueString(value) }, "system");
  }
  for (const node of graph.nodes) {
    for (const [suffix, attribute] of Object.entries(endpointOutputs[node.kind] ?? {})) {
      const name = `${node.name}_${suffix}`;
      if (tf.hasOutput(name)) continue; // The author's own output of that name wins.
      tf.output(name, { value: refString({ $noros: "ref", kind: node.kind, name: node.name, attribute }) }, node.name);
    }
  }

  for (const node of nodesOf(graph, "load-balancer")) {
    const url = loadBalancerUrl(node, graph);
    const name = `${node.name}_url`;
    if (url !== undefined && !tf.hasOutput(name)) tf.output(name, { value: url }, node.name);
  }
  for (const node of nodesOf(graph, "dns-zone")) {
    for (const [name, body] of Object.entries(dnsZoneOutputs(node))) if (!tf.hasOutput(name)) tf.output(name, body as Record<string, unknown>, node.name);
  }
  for (const cluster of clusters.values()) ingressOutput(cluster, tf);

  // Escape hatches last, so that a collision with anything generated is seen (and refused).
  const conflicts = lowerRawTerraform(graph, tf);

  return { document: tf.toJSON(), origins: tf.origins, conflicts, packages };
}

/** The configuration as Terraform JSON. */
export function printTerraform(document: Record<string, unknown>): Artefact[] {
  return [{ path: "terraform/main.tf.json", contents: canonicalJson(document) }];
}
