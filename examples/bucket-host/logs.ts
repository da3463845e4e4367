import { logPipeline } from "noros";
import { readerErrors, readerLogs } from "./log-groups.ts";

/**
 * The reader's log pipeline, as data: the SSM agent's and the boot script's journal, each line parsed
 * into time, level and text, debug lines dropped, fields tidied, errors routed to their own log group
 * and everything else to the reader's. noros prints the VRL and the host's role may write to exactly
 * these two log groups.
 */
// requirement S0.13: `logPipeline({ source, steps: [parse, filter, map], routes })` lowered to Vector (services.vector.settings) shipping to CloudWatch Logs
export const readerPipeline = logPipeline({
  name: "reader",
  source: { journald: { units: ["amazon-ssm-agent", "amazon-init"] } },
  steps: [
    {
      parse: {
        regex:
          "^(?P<logged_at>\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}) (?P<level>[A-Z]+) (?P<text>.*)$",
      },
    },
    { filter: { not: { field: "level", equals: "DEBUG" } } },
    {
      map: {
        rename: { _SYSTEMD_UNIT: "unit" },
        set: { system: "bucket-host" },
        remove: ["_CMDLINE", "_EXE", "_BOOT_ID"],
      },
    },
  ],
  routes: [
    { name: "errors", when: { field: "level", oneOf: ["ERROR", "CRITICAL"] }, to: readerErrors },
  ],
  to: readerLogs,
});
