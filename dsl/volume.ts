import { construct, type Construct, type Ref } from "./core.js";
import type { VolumeInput } from "./schemas/volume.js";

/** The references a volume exposes, and the type of value each stands for. */
export const volumeAttributes = { volumeId: "volume-id", arn: "arn" } as const;

export type Volume = Construct<"volume", VolumeInput> & {
  readonly volumeId: Ref<"volume-id">;
  readonly arn: Ref<"arn">;
};

/** An encrypted EBS volume attached to a host, in its subnet's availability zone. */
export function volume(name: string, props: VolumeInput): Volume {
  return construct("volume", name, props, volumeAttributes);
}
