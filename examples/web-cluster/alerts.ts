import { topic } from "noros";

/** Where the cluster's alerts go: every address here gets them by e-mail (after confirming). */
export const alerts = topic("alerts", { emails: ["oncall@example.com"] });
