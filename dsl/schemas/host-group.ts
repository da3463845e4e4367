import { z } from "zod";
import { fail } from "./common.js";
import { HostSchema } from "./host.js";

/** The most instances one group may have: a typo (1000 for 10) should not become a bill. */
export const MAX_GROUP_SIZE = 100;

const Size = z.number().int().min(0).max(MAX_GROUP_SIZE);

/**
 * A group of identical hosts that an auto scaling group keeps at its size: every property of a host
 * (NixOS by default, its own role, security group, ingress, environment, relationships), launched
 * from one launch template across all of the network's subnets of the chosen kind. An instance that
 * fails its status checks is replaced, not restarted, so there is no `restartOnFailure`; and no `bake`
 * (a Packer image is per host).
 */
export const HostGroupSchema = HostSchema.omit({ restartOnFailure: true, notify: true, bake: true })
  .extend({
    /** The fewest instances the group runs. */
    min: Size,
    /** The most instances the group runs. */
    max: Size,
    /** How many it runs now (between min and max; min when not given). */
    desired: Size.optional(),
  })
  .superRefine((group, ctx) => {
    if (group.min > group.max) fail(ctx, "NOROS2040", `min (${group.min}) is larger than max (${group.max})`, ["min"]);
    if (group.max === 0) fail(ctx, "NOROS2040", "max is 0: the group could never run an instance", ["max"]);
    if (group.desired !== undefined && (group.desired < group.min || group.desired > group.max)) {
      fail(ctx, "NOROS2040", `desired (${group.desired}) is outside min..max (${group.min}..${group.max})`, ["desired"]);
    }
  });

export type HostGroupInput = z.input<typeof HostGroupSchema>;
export type HostGroupProps = z.output<typeof HostGroupSchema>;
