import type { Graph, GraphNode } from "../../../compiler/graph.js";
import { systemTags } from "../default-tags.js";
import type { TerraformDocument } from "../document.js";
import { physicalName } from "../naming.js";
import { lowerInstanceRole, lowerInstanceSecurityGroup, lowerLaunchTemplate } from "./host.js";
import { subnetId } from "./network.js";
import { moduleTags } from "../../../compiler/util/module-flows.js";
import type { RollingUpdate } from "../../../dsl/schemas/host-group.js";

/** The tag every instance of a group carries: how its NixOS configuration (SSM association) finds it. */
export const HOST_GROUP_TAG = "noros:host-group";

/**
 * The group's instance refresh: a new launch template version (the group names the template's
 * latest_version, so any change to it is one) starts a rolling replacement that keeps
 * `minHealthyPercent` of the desired capacity in service, may grow to `maxHealthyPercent` to launch
 * replacements first, and waits `warmupS` after each new instance is in service. No auto_rollback:
 * the provider updates the group to the new version before it starts the refresh, so a rollback
 * returns to the very version that failed, as reported in hashicorp/terraform-provider-aws#34189.
 */
export function instanceRefresh(update: RollingUpdate): Record<string, unknown> {
  return {
    strategy: "Rolling",
    preferences: {
      min_healthy_percentage: update.minHealthyPercent,
      max_healthy_percentage: update.maxHealthyPercent,
      // The provider takes the seconds as a string.
      instance_warmup: String(update.warmupS),
    },
  };
}

/**
 * How many of the group's instances switch to a new NixOS configuration at once (the SSM
 * association's max_concurrency): the share that may leave service, at least one instance. The
 * association's max_errors of 0 stops the rollout at the first instance whose switch fails.
 */
export function configurationConcurrency(update: RollingUpdate): string {
  const share = 100 - update.minHealthyPercent;
  return share === 0 ? "1" : `${share}%`;
}

/**
 * An auto scaling group of identical instances from one launch template (the same template a host
 * gets: IMDSv2, encrypted root, no public IP, the group's role and security group), spread over all
 * of the network's subnets of the group's kind. EC2 health checks replace a failed instance; a changed
 * template rolls through the group by instance refresh, as its `rollingUpdate` says (instanceRefresh).
 * Tags propagate to the instances: the provider's default tags do not, so the system's tags (and the
 * run id the e2e sweep looks for) are set here too.
 */
export function lowerHostGroup(node: GraphNode<"host-group">, tf: TerraformDocument, graph: Graph, networks: ReadonlyMap<string, GraphNode<"network">>): void {
  const n = node.name;
  const { props } = node;
  const network = networks.get(props.network.name) as GraphNode<"network">;
  lowerInstanceRole(tf, n);
  lowerInstanceSecurityGroup(tf, "host-group", n, network);
  const launchTemplate = lowerLaunchTemplate(tf, graph, n, { node });
  const subnets = props.subnet === "public" ? network.props.publicSubnets : network.props.privateSubnets;
  const tags: Record<string, string> = { ...props.tags, ...moduleTags(props.modules), ...systemTags(graph.system), Name: physicalName(n), [HOST_GROUP_TAG]: physicalName(n) };
  tf.resource(
    "aws_autoscaling_group",
    n,
    {
      name: physicalName(n),
      min_size: props.min,
      max_size: props.max,
      desired_capacity: props.desired ?? props.min,
      vpc_zone_identifier: subnets.map((_, i) => subnetId(network, props.subnet, i)),
      launch_template: launchTemplate,
      health_check_type: "EC2",
      health_check_grace_period: 300,
      // Bare-metal instances (KVM for Firecracker) take well over the default ten minutes to boot.
      wait_for_capacity_timeout: "30m",
      instance_refresh: instanceRefresh(props.rollingUpdate),
      tag: Object.keys(tags)
        .sort()
        .map((key) => ({ key, value: tags[key] as string, propagate_at_launch: true })),
    },
    n,
  );
}
