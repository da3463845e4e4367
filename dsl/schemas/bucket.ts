import { z } from "zod";
import type { Fn } from "../function.js";
import type { Group, User } from "../iam.js";
import type { Host } from "../host.js";
import type { HostGroup } from "../host-group.js";
import type { Network } from "../network.js";
import type { Service } from "../service.js";
import { codedString, use } from "./common.js";

const bucketNamePattern = /^[a-z0-9](?:[a-z0-9.-]{1,61})[a-z0-9]$/;
const isBucketName = (value: string): boolean =>
  bucketNamePattern.test(value) && !value.includes("..") && !/^\d+\.\d+\.\d+\.\d+$/.test(value) &&
  !value.startsWith("xn--") && !value.endsWith("-s3alias");

export const BucketName = codedString(
  "NOROS2003",
  isBucketName,
  (value) => `bucket name "${value}" is invalid: use 3-63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit`,
);

/** Who may act on a bucket's objects. */
export const Principal = use<Host | HostGroup | User | Group | Service | Fn>("host", "host-group", "user", "group", "service", "function");

export const BucketSchema = z.strictObject({
  /** The bucket's physical name; by default a unique name prefixed with the system's name prefix. */
  bucketName: BucketName.optional(),
  /** Keep previous versions of objects. */
  versioning: z.boolean().default(true),
  /** Let `terraform destroy` delete a bucket that still holds objects. */
  forceDestroy: z.boolean().default(false),
  /** Only principals inside this network (through its S3 endpoint) may read; writers are exempt. */
  restrictTo: use<Network>("network").optional(),
  /** Principals that may list the bucket and get objects. */
  readers: z.array(Principal).default([]),
  /** Principals that may put objects. */
  writers: z.array(Principal).default([]),
});

export type BucketInput = z.input<typeof BucketSchema>;
export type BucketProps = z.output<typeof BucketSchema>;
