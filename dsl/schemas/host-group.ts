import { z } from "zod";
import { fail } from "./common.js";
import { HostSchema } from "./host.js";

/** The most instances one group may have: a typo (1000 for 10) should not become a bill. */
export const MAX_GROUP_SIZE = 100;

const Size = z.number().int().min(0).max(MAX_GROUP_SIZE);

/** Instance refresh's own default: nine in ten instances stay in service while the rest are replaced. */
export const DEFAULT_ROLLING_UPDATE = { minHealthyPercent: 90, maxHealthyPercent: 100, warmupS: 300 } as const;

/**
 * How a change rolls through the group a few instances at a time instead of all at once. A changed
 * launch template (a new AMI, instance type, disk, environment or install script) replaces the
 * instances by instance refresh; a changed NixOS configuration is switched to in place, on as many
 * instances at a time as may leave service, and stops at the first instance whose switch fails.
 */
export const RollingUpdateSchema = z
  .strictObject({
    /**
     * The share of the group's desired capacity (0-100) that stays in service while instances are
     * replaced; the rest is replaced at once. 100 replaces one instance at a time.
     */
    minHealthyPercent: z.number().int().min(0).max(100).default(DEFAULT_ROLLING_UPDATE.minHealthyPercent),
    /**
     * How far above the desired capacity (100-200) the group may grow while replacing: above 100, new
     * instances are launched before the old ones are terminated (capacity never drops, for the price of
     * the extra instances while the refresh runs).
     */
    maxHealthyPercent: z.number().int().min(100).max(200).default(DEFAULT_ROLLING_UPDATE.maxHealthyPercent),
    /**
     * Seconds a new instance is given to boot, switch to its NixOS configuration and join its cluster
     * before the next batch is replaced.
     */
    warmupS: z.number().int().min(0).max(3600).default(DEFAULT_ROLLING_UPDATE.warmupS),
  })
  .superRefine((update, ctx) => {
    if (update.maxHealthyPercent - update.minHealthyPercent > 100) {
      fail(ctx, "NOROS2049", `maxHealthyPercent (${update.maxHealthyPercent}) is more than 100 above minHealthyPercent (${update.minHealthyPercent}): Auto Scaling allows a range of at most 100`, ["maxHealthyPercent"]);
    }
    if (update.minHealthyPercent === 100 && update.maxHealthyPercent === 100) {
      fail(ctx, "NOROS2049", "minHealthyPercent and maxHealthyPercent are both 100: no instance could leave service and none could be added, so nothing would ever be replaced; raise maxHealthyPercent to launch replacements first", ["maxHealthyPercent"]);
    }
  });

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
    /** How changes roll through the group (default: 90% stays in service, 300 s of warm-up per batch). */
    rollingUpdate: RollingUpdateSchema.default({ ...DEFAULT_ROLLING_UPDATE }),
  })
  .superRefine((group, ctx) => {
    if (group.min > group.max) fail(ctx, "NOROS2040", `min (${group.min}) is larger than max (${group.max})`, ["min"]);
    if (group.max === 0) fail(ctx, "NOROS2040", "max is 0: the group could never run an instance", ["max"]);
    if (group.desired !== undefined && (group.desired < group.min || group.desired > group.max)) {
      fail(ctx, "NOROS2040", `desired (${group.desired}) is outside min..max (${group.min}..${group.max})`, ["desired"]);
    }
  });

export type RollingUpdateInput = z.input<typeof RollingUpdateSchema>;
export type RollingUpdate = z.output<typeof RollingUpdateSchema>;
export type HostGroupInput = z.input<typeof HostGroupSchema>;
export type HostGroupProps = z.output<typeof HostGroupSchema>;
