import { logGroup } from "noros";

// requirement S1.4 (partly): CloudWatch logs kept for one year (`retentionDays: 365`)
export const serverLogs = logGroup("server-logs", { retentionDays: 365 });
