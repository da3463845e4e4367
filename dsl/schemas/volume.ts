import { z } from "zod";
import type { Host } from "../host.js";
import { fail, use } from "./common.js";

/** What EBS allows per volume type: sizes in GiB, IOPS, throughput in MiB/s. */
export const volumeLimits = {
  gp3: { minGb: 1, maxGb: 16384, minIops: 3000, maxIops: 16000, minThroughput: 125, maxThroughput: 1000 },
  io2: { minGb: 4, maxGb: 16384, minIops: 100, maxIops: 64000 },
} as const;

/**
 * An encrypted EBS volume attached to one host, created in the availability zone of the host's
 * subnet. It outlives the instance (replacing the host re-attaches it) and carries the host's
 * `noros:host` tag, so the host's snapshot policy covers it.
 */
export const VolumeSchema = z
  .strictObject({
    /** The host the volume is attached to. */
    host: use<Host>("host"),
    /** Size in GiB. */
    sizeGb: z.number().int(),
    /** gp3 (general purpose) or io2 (provisioned IOPS, for databases that need them). */
    type: z.enum(["gp3", "io2"]).default("gp3"),
    /** Provisioned IOPS: gp3 3000-16000 (3000 included), io2 100-64000 (required). */
    iops: z.number().int().optional(),
    /** gp3 only: throughput in MiB/s, 125-1000 (125 included). */
    throughputMbps: z.number().int().optional(),
    /** The device name the instance sees it under (on Nitro instances it appears as an NVMe device whose serial is the volume id). */
    device: z.string().regex(/^\/dev\/sd[f-p]$/, "use /dev/sdf to /dev/sdp, the names EC2 recommends for EBS volumes").default("/dev/sdf"),
    /** Take a last snapshot when the volume is destroyed (kept after the system is gone, and billed). */
    finalSnapshot: z.boolean().default(false),
  })
  .superRefine((volume, ctx) => {
    const limits = volumeLimits[volume.type];
    if (volume.sizeGb < limits.minGb || volume.sizeGb > limits.maxGb) {
      fail(ctx, "NOROS2042", `a ${volume.type} volume is ${limits.minGb} to ${limits.maxGb} GiB, not ${volume.sizeGb}`, ["sizeGb"]);
    }
    if (volume.iops !== undefined && (volume.iops < limits.minIops || volume.iops > limits.maxIops)) {
      fail(ctx, "NOROS2043", `a ${volume.type} volume takes ${limits.minIops} to ${limits.maxIops} IOPS, not ${volume.iops}`, ["iops"]);
    }
    if (volume.type === "io2" && volume.iops === undefined) fail(ctx, "NOROS2043", "an io2 volume needs its iops", ["type"]);
    if (volume.throughputMbps !== undefined) {
      if (volume.type !== "gp3") fail(ctx, "NOROS2043", "only a gp3 volume takes throughputMbps", ["throughputMbps"]);
      else if (volume.throughputMbps < volumeLimits.gp3.minThroughput || volume.throughputMbps > volumeLimits.gp3.maxThroughput) {
        fail(ctx, "NOROS2043", `a gp3 volume's throughput is 125 to 1000 MiB/s, not ${volume.throughputMbps}`, ["throughputMbps"]);
      }
    }
  });

export type VolumeInput = z.input<typeof VolumeSchema>;
export type VolumeProps = z.output<typeof VolumeSchema>;
