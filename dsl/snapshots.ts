import { construct, type Construct, type Ref } from "./core.js";
import type { SnapshotsInput } from "./schemas/snapshots.js";

/** The references a snapshot schedule exposes, and the type of value each stands for. */
export const snapshotsAttributes = { roleArn: "arn" } as const;

export type Snapshots = Construct<"snapshots", SnapshotsInput> & { readonly roleArn: Ref<"arn"> };

/** Daily EBS snapshots of the hosts' volumes by a DLM lifecycle policy, kept `retainDays` days. */
export function snapshots(name: string, props: SnapshotsInput): Snapshots {
  return construct("snapshots", name, props, snapshotsAttributes);
}
