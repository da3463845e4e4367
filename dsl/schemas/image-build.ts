import { z } from "zod";
import type { Bucket } from "../bucket.js";
import type { Network } from "../network.js";
import { Principal } from "./bucket.js";
import { fail, use } from "./common.js";
import { LogRetention } from "./function.js";

/**
 * Key prefixes are matched by an EventBridge wildcard pattern and checked again by the build's script,
 * so they keep to characters that mean nothing to either (no `*`, no quotes, no spaces).
 */
const KeyPrefix = z.string().superRefine((value, ctx) => {
  if (!/^[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*\/$/.test(value) || value.length > 512) {
    fail(ctx, "NOROS2070", `key prefix "${value}" is invalid: use "/"-separated segments of letters, digits, ".", "_" or "-", ending in "/" (such as "uploads/")`);
  }
});

/** CodeBuild's general-purpose Linux sizes: small 2 vCPU / 3 GB, medium 4 vCPU / 7 GB, large 8 vCPU / 15 GB. */
export const buildComputeTypes = { small: "BUILD_GENERAL1_SMALL", medium: "BUILD_GENERAL1_MEDIUM", large: "BUILD_GENERAL1_LARGE" } as const;

/**
 * An environment build pipeline: every Dockerfile or image uploaded to `source` under `prefix` is built
 * (or loaded) by CodeBuild and pushed to the build's own ECR repository. An upload is
 * `<prefix><environment>/Dockerfile` (built with an empty context), `<prefix><environment>/<name>.tar`
 * (`.tar.gz`, `.tgz`): a build context with a Dockerfile at its root, or an image saved by `docker save`
 * (a manifest.json at its root), which is loaded. The image is tagged `<environment>-<first 16 hex
 * digits of the upload's sha256>`: the same upload is never built twice, and tags stay immutable.
 */
export const ImageBuildSchema = z.strictObject({
  /** The bucket users upload to; its object-created events start the builds. */
  source: use<Bucket>("bucket"),
  /** Only uploads under this key prefix are built (and readable by the build). */
  prefix: KeyPrefix.default("uploads/"),
  /**
   * Run the builds in this network's private subnets (they reach the internet through its NAT gateway).
   * Needed when the source bucket is `restrictTo` that network: it can then be read only from inside.
   */
  network: use<Network>("network").optional(),
  /** The build machine's size. */
  computeType: z.enum(["small", "medium", "large"]).default("small"),
  /** Minutes a build may run before CodeBuild stops it. */
  timeoutMinutes: z.number().int().min(5).max(480).default(30),
  /** How long CloudWatch keeps the builds' logs. */
  logRetentionDays: LogRetention.default(90),
  /** How many images the repository keeps (the oldest expire). */
  keptImages: z.number().int().min(1).max(1000).default(50),
  /** Principals that may pull the built images from the repository (and nothing else of it). */
  pullers: z.array(Principal).default([]),
});

export type ImageBuildInput = z.input<typeof ImageBuildSchema>;
export type ImageBuildProps = z.output<typeof ImageBuildSchema>;
