import type { Artefact } from "../../compiler/artefact.js";
import { nodesOf, type Graph } from "../../compiler/graph.js";
import { canonicalJson } from "../../compiler/util/canonical-json.js";
import { lowerBucket } from "./constructs/bucket.js";
import { lowerDelivery } from "./constructs/delivery.js";
import { lowerHost } from "./constructs/host.js";
import { lowerHostModuleRules } from "./constructs/host-modules.js";
import { lowerUserDataStaging } from "./constructs/user-data-staging.js";
import { lowerGrants, lowerGroup, lowerUser } from "./constructs/iam.js";
import { lowerLogGroup } from "./constructs/log-group.js";
import { lowerNetwork } from "./constructs/network.js";
import { lowerRawTerraform, type RawConflict } from "./constructs/raw-terraform.js";
import { lowerService } from "./constructs/service.js";
import { lowerTopic } from "./constructs/topic.js";
import { backendSettings } from "./backend.js";
import { TerraformDocument } from "./document.js";
import { refString, valueString } from "./expression.js";
import { pinnedProviders, REQUIRED_TERRAFORM } from "./providers.js";

export interface TerraformOutput {
  readonly artefacts: readonly Artefact[];
  /** The generated document, for validation. */
  readonly document: Record<string, unknown>;
  /** Terraform address -> the construct (or "system") it was generated from. */
  readonly origins: ReadonlyMap<string, string>;
  /** Escape-hatch blocks refused because their address is taken. */
  readonly conflicts: readonly RawConflict[];
}

/** Outputs every deployment has: where each construct can be reached. */
const endpointOutputs: Record<string, Record<string, string>> = {
  bucket: { bucket_name: "bucketName", arn: "arn" },
  host: { instance_id: "instanceId", private_ip: "privateIp" },
  topic: { arn: "arn" },
  "log-group": { arn: "arn" },
  service: { repository_url: "repositoryUrl" },
};

export function lowerTerraform(graph: Graph): TerraformOutput {
  const { system } = graph;
  const tf = new TerraformDocument(
    { required_version: REQUIRED_TERRAFORM, required_providers: pinnedProviders, ...backendSettings(system.props) },
    {
      aws: {
        region: system.props.region,
        default_tags: { tags: { ...system.props.tags, "noros:system": system.name, "noros:run": "${var.noros_run}" } },
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

  const networks = new Map(nodesOf(graph, "network").map((n) => [n.name, n]));
  for (const node of graph.nodes) {
    switch (node.kind) {
      case "network":
        lowerNetwork(node, tf, system.props.region);
        break;
      case "bucket":
        lowerBucket(node, tf, networks);
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
      case "topic":
        lowerTopic(node, tf);
        break;
      case "log-group":
        lowerLogGroup(node, tf);
        break;
      case "service":
        lowerService(node, tf, networks, system.props.region);
        break;
    }
  }
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

  // Escape hatches last, so that a collision with anything generated is seen (and refused).
  const conflicts = lowerRawTerraform(graph, tf);

  const document = tf.toJSON();
  return { artefacts: [{ path: "terraform/main.tf.json", contents: canonicalJson(document) }], document, origins: tf.origins, conflicts };
}
