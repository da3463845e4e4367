import { construct, type Construct, type Ref } from "./core.js";
import type { HostGroupInput } from "./schemas/host-group.js";

/** The references a host group exposes, and the type of value each stands for. */
export const hostGroupAttributes = { groupName: "name", roleArn: "arn" } as const;

export type HostGroup = Construct<"host-group", HostGroupInput> & {
  readonly groupName: Ref<"name">;
  readonly roleArn: Ref<"arn">;
};

/**
 * `min` to `max` identical hosts (NixOS by default) kept running by an auto scaling group, in the
 * network's private subnets; each instance carries the group's tags, so that a cluster can find its
 * members by tag (Consul's and Nomad's retry_join).
 */
export function hostGroup(name: string, props: HostGroupInput): HostGroup {
  return construct("host-group", name, props, hostGroupAttributes);
}
