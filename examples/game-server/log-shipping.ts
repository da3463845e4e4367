import { logPipeline } from "noros";
import { serverLogs } from "./logs.ts";

/**
 * The game's journal shipped to the one-year log group: each srcds log line (`L 03/01/2026 - 20:14:07:
 * ...`) parsed into its time and text, the server's idle chatter dropped.
 */
export const logShipping = logPipeline({
  name: "game",
  source: { journald: { units: ["game"] } },
  steps: [
    {
      parse: {
        regex: "^L (?P<logged_at>\\d{2}/\\d{2}/\\d{4} - \\d{2}:\\d{2}:\\d{2}): (?P<text>.*)$",
      },
    },
    {
      filter: {
        not: { field: "text", matches: "^Server (?:is hibernating|waking up from hibernation)" },
      },
    },
    { map: { set: { game: "tf2" }, remove: ["_CMDLINE", "_EXE"] } },
  ],
  to: serverLogs,
});
