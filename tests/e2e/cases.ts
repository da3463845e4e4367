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
    allowSizes: {
      instanceTypes: ["c6i.large"],
      reason:
        "the example's game server: 2 vCPUs, about USD 0.09 an hour, for the minutes of a run",
    },
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
  {
    name: "bucket-host-aws",
    system: "examples/bucket-host/bucket-host.noros.ts",
    tier: "aws",
    // The status page through its load balancer (edge.ts): the VPC, the ALB and the ECS service all work;
    // busybox serves status/health, whose body is "ok". RDS and EKS make the apply long.
    // Not yet runnable as is (examples/bucket-host/README.md): the EKS API is private, so TF_VAR_containers_public_access_cidrs must let the runner's range in for helm;
    // and the postgresql provider logs in through the database's private endpoint, which a runner outside
    // the VPC reaches only through a tunnel opened after the instance exists (a staged apply the harness
    // does not do).
    endpoint: "output:status-lb_url/health",
    expect: { status: 200, bodyIncludes: "ok" },
    timeoutS: 2400,
  },
  {
    name: "sandbox-platform-aws",
    system: "examples/sandbox-platform/sandbox-platform.noros.ts",
    tier: "aws",
    // The API's health through its HTTPS load balancer and DNS name (edge.ts); /health needs no key and
    // answers {"status":"ok"} without asking Nomad. Precondition: edge.ts looks up the existing public
    // Route53 zone sandbox.example.com (a data source; the run does not create it) and validates the ACM
    // certificate for api.sandbox.example.com in it, so the test account must hold that zone, delegated
    // from its parent so that the validation record and api.sandbox.example.com resolve publicly
    // (example.com itself is reserved: a real account replaces the domain in edge.ts with one it owns).
    endpoint: "output:api-lb_url/health",
    expect: { status: 200, bodyIncludes: '"ok"' },
    // Bare-metal clients boot slowly (often 10 minutes and more), after the certificate's validation.
    timeoutS: 1800,
    allowSizes: {
      instanceTypes: ["c5.metal"],
      reason:
        "the example's two Nomad clients run Firecracker microVMs, which need KVM, i.e. a bare-metal instance: about USD 4.7 an hour each in eu-central-1, so roughly USD 5-7 a run; the account's on-demand vCPU quota must allow 2 x 96 vCPUs",
    },
  },
];
