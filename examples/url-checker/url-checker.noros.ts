// S3 of SYSTEMS.md: a container app that checks a list of URLs in parallel and writes all results to
// one JSON file in S3, running as an ECS Fargate service in private subnets behind an ALB with a
// Route53 record (edge.ts); the results token comes from Secrets Manager, encrypted with its own KMS key; the alarm on a URL that keeps
// failing is in alarms.ts.
import { bucket, lazy, pipelines, service, system, text } from "noros";
import { urlAlerts, urlFailing } from "./alarms.ts";
import { checkerEndpoint } from "./edge.ts";
import { network } from "./network.ts";
import { secretsKey } from "./secrets-key.ts";
import { resultsToken } from "./secrets.ts";

/** Holds the input list (urls.json) and the results (results.json); only the checker may touch it. */
// requirement S3.3: the task role gets exactly read and write on its bucket, derived from readers/writers; its CloudWatch output (logs, and the EMF custom metrics CloudWatch extracts from them) goes through the execution role to the service's own log group only
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
  // requirement S3.3: `secrets` takes a secret's .value only (a literal is a compile error): ECS fetches it from Secrets Manager by ARN into RESULTS_TOKEN, with the execution role limited to that one secret and kms:Decrypt on its key (secrets-key.ts)
  secrets: { RESULTS_TOKEN: resultsToken.value },
  // The container HEALTHCHECK, also the load balancer's target health check; the custom metrics' alarm is in alarms.ts.
  healthCheck: { path: "/health", intervalS: 30, timeoutS: 5, retries: 3 },
  // The app's own tests (node:test) run in a build stage; `--no-test` skips them.
  test: ["node", "--test"],
  cpu: 0.25,
  memoryMb: 512,
  // requirement S3.2: ECR repository and ECS Fargate service + task definition in private subnets; IGW, NAT and route table associations in network.ts; the ALB in edge.ts
  run: { on: "ecs", network, desiredCount: 1 },
});

const endpoint = checkerEndpoint(checker);

// requirement S3.6: `pipelines("ci")`: out/github/workflows/build-checker.yml builds the image from its generated Dockerfile and pushes it to ECR tagged with the git sha; apply.yml calls it, then runs terraform init, plan and apply on every push to main, deploying that image; both assume IAM roles through GitHub's OIDC provider that only this repository's main branch may assume (push to the checker's repository only; PowerUserAccess plus IAM on url-checker-* names and the state object)
const ci = pipelines("ci", {
  // "existing": the account already has GitHub's OIDC provider (one per account, shared by every deployment of every system).
  github: {
    repository: "noros-examples/url-checker",
    branch: "main",
    directory: "examples/url-checker",
    oidcProvider: "existing",
  },
  images: [checker],
  apply: true,
});

export default system("url-checker", {
  region: "eu-central-1",
  // The state the apply workflow shares with everyone who applies by hand (an existing, versioned bucket).
  backend: { s3: { bucket: "noros-examples-tfstate", key: "url-checker/terraform.tfstate" } },
  resources: [
    network,
    data,
    checker,
    resultsToken,
    secretsKey,
    urlAlerts,
    urlFailing,
    endpoint.lb,
    endpoint.zone,
    endpoint.record,
    ci,
  ],
  // The load balancer's own name, so that the endpoint answers before (and without) DNS delegation.
  outputs: { data_bucket: data.bucketName, checker_url: text`http://${endpoint.lb.dnsName}` },
});
