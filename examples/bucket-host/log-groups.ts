import { logGroup } from "noros";

/** Where the reader's journal goes, and its errors apart (kept longer, alarmed on). */
export const readerLogs = logGroup("reader-logs", { retentionDays: 30 });
export const readerErrors = logGroup("reader-errors", { retentionDays: 90 });
