import { snapshots } from "noros";
import { server } from "./server.ts";

/** Every night at 04:00 UTC, when the fewest players are on: a week of restore points for the world. */
// requirement S1.5: `snapshots("nightly")`: a DLM lifecycle policy snapshotting the server's volumes (root and `world`, by their noros:host tag) daily, kept 7 days, with its own role that only DLM may assume (AWS's managed DLM policy)
export const nightly = snapshots("nightly", { hosts: [server], time: "04:00", retainDays: 7 });
