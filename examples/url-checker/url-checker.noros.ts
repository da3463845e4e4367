// S3 of SYSTEMS.md: a container app that checks a list of URLs in parallel and writes all results to
// one JSON file in S3. This file declares the app and its bucket; the ECS Fargate service, ALB, NAT and
// the task role's grant on the bucket come with the ECS target.
import { bucket, service, system } from "noros";

/** Holds the input list (urls.json) and the results (results.json). */
const data = bucket("data");

// requirement S3.1: `service("checker")` from ./app: checks the URLs in parallel and writes one results JSON to the bucket
const checker = service("checker", {
  source: "./app",
  runtime: "node",
  port: 8080,
  environment: {
    INPUT_BUCKET: data.bucketName,
    INPUT_KEY: "urls.json",
    RESULTS_BUCKET: data.bucketName,
    RESULTS_KEY: "results.json",
    CHECK_INTERVAL_S: "300",
    CHECK_TIMEOUT_MS: "5000",
    CONCURRENCY: "20",
    METRICS_NAMESPACE: "url-checker",
  },
  // requirement S3.4 (partly): the container HEALTHCHECK (custom metrics are written by the app; the alarm and Route53 record are open)
  healthCheck: { path: "/health", intervalS: 30, timeoutS: 5, retries: 3 },
  // The app's own tests (node:test) run in a build stage; `--no-test` skips them.
  test: ["node", "--test"],
  cpu: 0.25,
  memoryMb: 512,
});

export default system("url-checker", {
  region: "eu-central-1",
  resources: [data, checker],
  outputs: { data_bucket: data.bucketName },
});
