import { z } from "zod";
import { UnixName } from "./common.js";

const Rule = z.strictObject({
  name: UnixName,
  /** Absolute paths or globs of the files rotated. */
  files: z.array(z.string().regex(/^\/[A-Za-z0-9._*?/-]+$/, "an absolute path or glob")).min(1),
  /** How many rotated files are kept, one a day. */
  keepDays: z.number().int().min(0).max(366).default(1),
  /** Compress rotated files (off: the logs are shipped elsewhere and read as they are). */
  compress: z.boolean().default(false),
});

/** logrotate: daily rotation keeping a few days, plus the same limit on the systemd journal. */
export const LogrotateSchema = z.strictObject({
  rules: z.array(Rule).min(1),
  /** Also keep the journal for no longer than this many days. */
  journalDays: z.number().int().min(1).max(366).optional(),
});

export type LogrotateInput = z.input<typeof LogrotateSchema>;
export type LogrotateProps = z.output<typeof LogrotateSchema>;
