/**
 * The e2e cases, run in sequence by `noros test` (`npm run e2e` runs the local tier). Each deploys a
 * system, probes `endpoint` until it answers as `expect`ed within `timeoutS`, and tears down.
 */
import { urlListServer } from "./fixtures/url-list-server.js";
import type { E2eCase } from "./harness/types.js";

export const cases: E2eCase[] = [
  {
    name: "hello",
    system: "examples/hello/hello.noros.ts",
    tier: "local",
    endpoint: "service:web/health",
    expect: { status: 200, bodyIncludes: "ok" },
    timeoutS: 60,
  },
  {
    name: "url-checker",
    system: "examples/url-checker/url-checker.noros.ts",
    tier: "local",
    // /results serves the JSON file the app wrote: a 404 in it means every URL was checked and stored.
    endpoint: "service:checker/results",
    expect: { status: 200, bodyIncludes: '"status": 404' },
    timeoutS: 60,
    setup: urlListServer,
  },
  {
    name: "sandbox-platform",
    system: "examples/sandbox-platform/sandbox-platform.noros.ts",
    tier: "local",
    // Nomad is not part of the local tier: this proves the API image builds, passes its tests and serves.
    endpoint: "service:api/health",
    expect: { status: 200, bodyIncludes: '"ok"' },
    timeoutS: 60,
  },
  {
    name: "bucket-host",
    system: "examples/bucket-host/bucket-host.noros.ts",
    tier: "local",
    // Both images are built (the notes image's tests included); the notes service serves its notes.
    endpoint: "service:notes/notes",
    expect: { status: 200, bodyIncludes: "texts bucket" },
    timeoutS: 60,
  },
  {
    name: "game-server-aws",
    system: "examples/game-server/game-server.noros.ts",
    tier: "aws",
    // The start API answers with the server's state: API Gateway, the Lambda integration, the
    // function's role (DescribeInstances) and the instance all work. /status starts nothing.
    endpoint: "output:start_url/status",
    expect: { status: 200, bodyIncludes: '"state":' },
    timeoutS: 600,
    allowSizes: { instanceTypes: ["c6i.large"], reason: "the example's game server: 2 vCPUs, about USD 0.09 an hour, for the minutes of a run" },
  },
  {
    name: "web-cluster-shop",
    system: "examples/web-cluster/web-cluster.noros.ts",
    tier: "local",
    endpoint: "service:shop/api/products",
    expect: { status: 200, bodyIncludes: '"id":"mug"' },
    timeoutS: 60,
  },
  {
    name: "web-cluster-blog",
    system: "examples/web-cluster/web-cluster.noros.ts",
    tier: "local",
    endpoint: "service:blog/blog/",
    expect: { status: 200, bodyIncludes: "Hello, cluster" },
    timeoutS: 60,
  },
  {
    name: "web-cluster-status",
    system: "examples/web-cluster/web-cluster.noros.ts",
    tier: "local",
    // Locally no TLS peers exist: this proves the image builds, passes its tests and serves.
    endpoint: "service:status/health",
    expect: { status: 200, bodyIncludes: '"ok"' },
    timeoutS: 60,
  },
  {
    name: "web-cluster-standby",
    system: "examples/web-cluster/web-cluster.noros.ts",
    tier: "local",
    // The failover origin: every path but /health is the "we are recovering" notice, with 503.
    endpoint: "service:standby/shop",
    expect: { status: 503, bodyIncludes: "We are recovering" },
    timeoutS: 60,
  },
  {
    name: "url-checker-aws",
    system: "examples/url-checker/url-checker.noros.ts",
    tier: "aws",
    endpoint: "output:checker_url/health",
    expect: { status: 200 },
    timeoutS: 900,
  },
  {
    name: "web-cluster-aws",
    system: "examples/web-cluster/web-cluster.noros.ts",
    tier: "aws",
    // Through the ingress's load balancer to the shop: the cluster, node groups, ingress and app all work.
    // The cluster's API is private by default: set TF_VAR_web_public_access_cidrs to the runner's range.
    endpoint: "output:web_ingress_url/api/products",
    expect: { status: 200, bodyIncludes: '"id":"mug"' },
    timeoutS: 2400,
  },
];
