// S3 of SYSTEMS.md: a container app that checks a list of URLs in parallel and writes all results to
// one JSON file in S3, running as an ECS Fargate service in private subnets. (The ALB in front, the
// Route53 record and secrets are still to come.)
import { bucket, lazy, service, system } from "noros";
import { urlAlerts, urlFailing } from "./alarms.ts";
import { network } from "./network.ts";

/** Holds the input list (urls.json) and the results (results.json); only the checker may touch it. */
// requirement S3.3 (partly): the task role gets exactly read and write on its bucket, derived from readers/writers (secrets and CloudWatch are open)
const data = bucket("data", { readers: [lazy(() => checker)], writers: [lazy(() => checker)] });

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
  // The container HEALTHCHECK; the custom metrics' alarm is in alarms.ts.
  healthCheck: { path: "/health", intervalS: 30, timeoutS: 5, retries: 3 },
  // The app's own tests (node:test) run in a build stage; `--no-test` skips them.
  test: ["node", "--test"],
  cpu: 0.25,
  memoryMb: 512,
  // requirement S3.2 (partly): ECR repository and ECS Fargate service + task definition in private subnets; IGW, NAT and route table associations in network.ts (the ALB is open)
  run: { on: "ecs", network, desiredCount: 1 },
});

export default system("url-checker", {
  region: "eu-central-1",
  resources: [network, data, checker, urlAlerts, urlFailing],
  outputs: { data_bucket: data.bucketName },
});
