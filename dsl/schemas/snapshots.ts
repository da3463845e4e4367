import { z } from "zod";
import type { Host } from "../host.js";
import { codedString, use } from "./common.js";

const Time = codedString(
  "NOROS2044",
  (value) => /^(?:[01]\d|2[0-3]):[0-5]\d$/.test(value),
  (value) => `"${value}" is not a time of day: write HH:MM in UTC, such as 03:00`,
);

/**
 * Daily EBS snapshots of hosts' volumes (the root volume and every attached volume), taken by Data
 * Lifecycle Manager, which also deletes them once they are older than `retainDays`.
 */
export const SnapshotsSchema = z.strictObject({
  /** The hosts whose volumes are snapshotted. */
  hosts: z.array(use<Host>("host")).min(1, "name at least one host"),
  /** When the daily snapshot starts (UTC, HH:MM; DLM starts it within the hour after). */
  time: Time.default("03:00"),
  /** How many days a snapshot is kept. */
  retainDays: z.number().int().min(1).max(3650).default(7),
});

export type SnapshotsInput = z.input<typeof SnapshotsSchema>;
export type SnapshotsProps = z.output<typeof SnapshotsSchema>;
