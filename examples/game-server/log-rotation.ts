import { logrotate } from "noros";

/**
 * The server's own log files rotate daily and one day is kept, uncompressed (the journal too): the
 * year of history is in CloudWatch, not on the disk.
 */
// requirement S1.4: `logrotate({ keepDays: 1, compress: false })` on the host, with the year in CloudWatch (logs.ts)
export const logRotation = logrotate({
  rules: [{ name: "game", files: ["/var/lib/game/logs/*.log"], keepDays: 1, compress: false }],
  journalDays: 1,
});
