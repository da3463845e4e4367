import { construct, type Construct, type Ref } from "./core.js";
import type { HostInput } from "./schemas/host.js";

/** The references a host exposes, and the type of value each stands for. */
export const hostAttributes = { instanceId: "instance-id", privateIp: "ip", roleArn: "arn", arn: "arn" } as const;

export type Host = Construct<"host", HostInput> & {
  readonly instanceId: Ref<"instance-id">;
  readonly privateIp: Ref<"ip">;
  readonly roleArn: Ref<"arn">;
  /** The instance's own ARN (what a function that `controls` it is granted actions on). */
  readonly arn: Ref<"arn">;
};

/**
 * An EC2 instance running NixOS by default: IMDSv2 only, encrypted disk, no SSH (Session Manager
 * instead), its own IAM role holding exactly the permissions its relationships grant.
 */
export function host(name: string, props: HostInput): Host {
  return construct("host", name, props, hostAttributes);
}
