import { alarm, topic } from "noros";

/** Who hears about URLs that keep failing. */
export const urlAlerts = topic("url-alerts", { emails: ["ops@example.com"] });

/**
 * The app writes `Up` (1 or 0) per URL and, in the same EMF line, across all URLs (app/src/io.js):
 * its minimum over a check interval (300 s) is 0 when some URL failed. Three intervals in a row,
 * fifteen minutes, is "keeps failing"; a single blip is not.
 */
// requirement S3.4: the container HEALTHCHECK, custom metrics `ResponseTime`/`Up` in METRICS_NAMESPACE (EMF), and `alarm("url-failing")` when a URL keeps failing, publishing to `url-alerts`; the Route53 record is in edge.ts
export const urlFailing = alarm("url-failing", {
  metric: { namespace: "url-checker", name: "Up", statistic: "Minimum" },
  comparison: "<",
  threshold: 1,
  periodS: 300,
  evaluationPeriods: 3,
  topics: [urlAlerts],
  description: "a checked URL has failed in every check for 15 minutes: see results.json for which",
});
