import { validationCodes } from "../../dsl/schemas/codes.js";

/** The long explanation of a diagnostic code, for `noros explain` and docs/diagnostics.md. */
export interface Explanation {
  readonly title: string;
  readonly explanation?: string;
  readonly example?: string;
  readonly fix?: string;
}

const compilerCodes: Record<string, Explanation> = {
  NOROS1001: { title: "No system file was found in the directory.", fix: "Pass the file (`noros compile path/to/x.noros.ts`) or run `noros init`." },
  NOROS1002: {
    title: "Several system files are in the directory, so noros cannot guess which one to use.",
    explanation: "Each directory holds one system; noros refuses to pick one for you.",
    fix: "Name the file: `noros compile shop.noros.ts`.",
  },
  NOROS1003: { title: "The system file given does not exist." },
  NOROS1004: { title: "The file is not valid TypeScript (a syntax error).", fix: "Correct the syntax at the position shown." },
  NOROS1005: {
    title: "The file does not type-check.",
    explanation: "System files are checked with `strict` TypeScript against the DSL's types, which are inferred from the same zod schemas the compiler validates with.",
    example: 'bucket("site", { versioning: "yes" }) // versioning is a boolean',
  },
  NOROS1009: {
    title: "Evaluating the system did not finish within the time limit.",
    explanation: "A system is a pure expression; evaluation runs with a 5-second limit so that an endless loop is an error, not a hang.",
    fix: "Look for a loop or recursion that never ends.",
  },
  NOROS1010: { title: "Evaluating the system threw an exception.", fix: "The message and position are those of the exception." },
  NOROS1011: {
    title: "The file's default export is not a system.",
    example: 'export default system("shop", { region: "eu-central-1", resources: [site] });',
  },
  NOROS1012: {
    title: "A value in the system is not plain data.",
    explanation: "Systems hold plain objects, arrays, strings, numbers, booleans and noros values: no functions (except inside lazy()), getters, class instances, Maps, undefined in lists, NaN or Infinity.",
  },
  NOROS1101: {
    title: "An import that a system file may not use.",
    explanation: 'A system file may import only "noros" and other .ts files beside it (relative paths), so that it means the same on every machine.',
    example: 'import fs from "fs"; // not allowed',
    fix: "Put the data in the file, or in another .ts file imported by a relative path.",
  },
  NOROS1102: {
    title: "An impure global or method.",
    explanation: "process, require, fs, fetch, Date, Math.random, eval, Function, timers, Proxy, Reflect, Intl and locale-dependent methods make a system depend on the machine, the clock or chance. They are rejected before anything runs, and are also unavailable at run time.",
    example: "const stamp = Date.now(); // differs on every compile",
  },
  NOROS1103: { title: "Dynamic import() in a system file.", fix: "Import statically at the top of the file." },
  NOROS1104: { title: "A name starting with __noros, which the compiler reserves." },
  NOROS1201: {
    title: "The output directory exists and was not written by noros.",
    explanation: "compile replaces its output directory whole; it refuses to replace one that has no manifest.json, so it never deletes your files.",
  },
  NOROS1202: { title: "noros init would overwrite existing files.", fix: "Run it in an empty or new directory." },
  NOROS3001: { title: "Two constructs have the same name.", explanation: "Names become Terraform addresses and physical names; they must be unique within a system." },
  NOROS3002: {
    title: "A construct is referred to but is not part of the system.",
    fix: "Add it to `resources`, or refer to it from a construct that is.",
  },
  NOROS3003: { title: "A reference names an attribute the construct does not have." },
  NOROS3004: {
    title: "A dependency cycle.",
    explanation: "Each construct in the cycle needs another one of it to exist first, so none can be created.",
    example: "two hosts each given the other's privateIp in environment",
    fix: "Remove one of the references, or pass the value another way (a DNS name, a parameter).",
  },
  NOROS3005: { title: "A host asks for a kind of subnet its network does not have." },
  NOROS3006: { title: "A bucket is restricted to a network without an S3 endpoint.", fix: "Set s3Endpoint: true on the network." },
  NOROS3007: { title: "A service is given access to something but does not run in the cloud.", fix: "Give the service run: { on: \"ecs\", network }: its ECS task role holds the permission." },
  NOROS3040: { title: "Two volumes are attached to one host under the same device name.", fix: "Give each volume of a host its own device, /dev/sdf to /dev/sdp." },
  NOROS3030: {
    title: "A service's secret is not a reference to a secret.",
    explanation: "Secrets reach a service only by reference to a secret construct, so that no secret value is ever part of an image, a Terraform variable or a log.",
    example: 'service("web", { ..., secrets: { DB_PASSWORD: db.endpoint } }) // an endpoint is not a secret',
  },
  NOROS3031: {
    title: "A service's source directory cannot be used.",
    explanation: "The directory (relative to the file declaring the service) must exist, hold at least one file, and contain no symbolic links or special files: it is copied into the build context as it is.",
  },
  NOROS3032: {
    title: "A service's source directory is too large for a build context.",
    explanation: "At most 5000 files and 100 MiB are copied (node_modules, .git, virtual environments, caches and logs are never copied).",
    fix: "Keep dependencies and build output out of the source: the image installs its own.",
  },
  NOROS3033: {
    title: "A service's source lacks the file its runtime starts or serves.",
    explanation: "Without a command, the node runtime starts server.js and the python runtime app.py; the static runtime must have a file for the health check path.",
    fix: "Add the file, or give `command`.",
  },
  NOROS3034: {
    title: "A node service's package.json cannot be installed reproducibly.",
    explanation: "Dependencies are installed with `npm ci`, which needs package-lock.json beside a valid package.json.",
    fix: "Run npm install and keep package-lock.json.",
  },
  NOROS3060: {
    title: "Traffic is admitted from a construct that has no security group.",
    explanation: "A flow `from: x` becomes a rule naming x's security group. A service that does not run in the cloud has none, so there is nothing the rule could name.",
    example: 'host("db", { network, ingress: [{ port: 5432, from: api }] }) // api has no run: { on: "ecs", network }',
    fix: 'Give the service run: { on: "ecs", network }, or admit an address range.',
  },
  NOROS3061: {
    title: "Traffic is admitted from a construct in another network.",
    explanation: "A security group rule can only name a security group of the same VPC, so a flow between networks cannot be expressed as one.",
    fix: "Put sender and receiver in one network, or admit the sender's address range (and connect the networks).",
  },
  NOROS3062: { title: "A load balancer forwards to a service that does not run in the cloud.", fix: 'Give the service run: { on: "ecs", network }: its tasks register with the target group.' },
  NOROS3063: {
    title: "A load balancer forwards to a target in another network.",
    explanation: "A target group belongs to one VPC, and the targets admit the load balancer by its security group, which only works inside that VPC.",
  },
  NOROS3064: {
    title: "A listener's targets cannot share its target group.",
    explanation: "A target group holds instances (hosts) or IP addresses (a service's tasks), never both; a service's target port is its own `port`, over TCP.",
    example: 'listeners: [{ port: 443, protocol: "https", forward: { to: [web, api] } }] // web is a host, api a service',
  },
  NOROS3065: {
    title: "A certificate's domain is not in its zone.",
    explanation: "ACM proves control of each name by a DNS record noros writes into the certificate's zone; for a name outside the zone that record would prove nothing.",
    example: 'certificate("api", { domain: "api.example.org", zone: exampleCom })',
    fix: "Use a name in the zone, or the zone that holds the name.",
  },
  NOROS3066: { title: "A DNS record's name is not in its zone.", example: 'dnsRecord("www", { zone: exampleCom, name: "www.example.org", to: lb })' },
  NOROS3067: {
    title: "A load balancer's network lacks the subnets it needs.",
    explanation: "An internet-facing load balancer sits in the network's public subnets, an internal one in its private subnets; an application load balancer needs them in at least two availability zones.",
  },
  NOROS3068: { title: "A failover's primary and secondary are the same origin." },
  NOROS3069: {
    title: "A failover points at a cluster that has no ingress.",
    explanation: "A cluster as a failover origin stands for the network load balancer of its ingress controller; without `ingress` the cluster has no such load balancer, so the record would point at nothing.",
    example: 'failover("site", { zone, name: "example.com", primary: web, secondary: standby, healthCheck: probe }) // web has no ingress',
    fix: "Give the cluster `ingress: { nodeGroup }`, or point the failover at a load balancer.",
  },
  NOROS3070: {
    title: "A secret's value is used where it would be written out in plain text.",
    explanation: "A secret's `.value` is accepted only where a secret is expected: a service's `secrets` (lowered to the task definition's `valueFrom`, an ARN), a database user's password and a cache's auth token (set by Terraform from the generated value). Anywhere else (an environment variable, user data, an output, raw.terraform) it would land in a file, a plan or a log.",
    example: 'host("web", { ..., environment: { TOKEN: token.value } }) // user data is not secret',
    fix: "Pass the secret's `.arn` and read the value at run time (give the reader `readers: [web]` on the secret), or use the service's `secrets`.",
  },
  NOROS3071: {
    title: "A password noros sets is not a generated secret.",
    explanation: "noros sets the database application user's password and the ElastiCache auth token from the generated value (random_password). An existing SSM parameter or Secrets Manager secret is never read by noros, so it cannot be used there; another construct's reference is not a secret at all.",
    example: 'database("app", { ..., appUser: { name: "app", password: existingToken.value } })',
    fix: 'Declare secret("app-db", { generate: { length: 32 } }) and let the application read it (readers, or a service\'s secrets).',
  },
  NOROS3072: {
    title: "A service that does not run in the cloud is a client or a reader of a data construct.",
    explanation: "A database's or cache's clients are admitted by security group, and a secret's readers hold IAM permissions: a service without `run` has neither a security group nor a role.",
    fix: 'Give the service run: { on: "ecs", network }.',
  },
  NOROS3073: {
    title: "A client of a database or cache is in another network.",
    explanation: "Clients are admitted by their security group, and a security group rule can only name groups of the same VPC.",
    fix: "Put the client and the database or cache in the same network.",
  },
  NOROS3074: {
    title: "A cache runs on a host that does not run NixOS.",
    explanation: "`cache(name, { on: { host } })` becomes a services.redis server in the host's NixOS configuration; a host with its own AMI has none.",
    fix: 'Use a NixOS host, or on: "elasticache".',
  },
  NOROS3075: { title: "Two caches listen on the same port of one host.", fix: "Give one of them another `port`." },
  NOROS3050: {
    title: "A function's source directory cannot be used.",
    explanation: "The directory (relative to the file declaring the function) must exist, hold at least one file, and contain no symbolic links or special files: it is zipped as it is (node_modules, .git, caches, logs and .env files are left out).",
    example: 'fn("reboot", { source: "./functions/reboot", ... }) // and no such directory beside the file',
  },
  NOROS3051: {
    title: "A function's source directory is too large for a Lambda package.",
    explanation: "Lambda takes a directly uploaded zip of at most 50 MB; noros reads at most 5000 files and 48 MiB.",
    fix: "Leave the AWS SDK out (every supported runtime ships it) and keep build output and dependencies you do not need out of the source.",
  },
  NOROS3052: {
    title: "A function's handler names a module its source does not have.",
    explanation: "A handler \"index.handler\" is the module index (index.js, index.mjs or index.cjs for Node.js, index.py for Python) and its export handler.",
    fix: "Add the module, or correct the handler.",
  },
  NOROS3053: {
    title: "Two object triggers on one bucket overlap.",
    explanation: "A bucket has one notification configuration; S3 refuses it when two rules could match the same object event (the same event type, with prefixes where one starts the other and suffixes where one ends the other).",
    fix: "Give the triggers disjoint prefixes or suffixes, or different events.",
  },
  NOROS3054: {
    title: "An image build cannot read its source bucket: the bucket is restricted to a network the build does not run in.",
    explanation: "A bucket with restrictTo denies every read that does not come through that network's S3 endpoint, so a build outside the network would fail on its first upload.",
    fix: "Give the image build network: the bucket's network.",
  },
  NOROS3055: {
    title: "An image build runs in a network without private subnets or without a NAT gateway.",
    explanation: "The build runs in the network's private subnets and pulls base images (Docker Hub, public registries) and pushes to ECR through the NAT gateway.",
    fix: "Give the network private subnets and natGateway: true (it needs a public subnet).",
  },
  NOROS3080: {
    title: "A system declares more than one cluster.",
    explanation: "What runs on a cluster is applied through one kubernetes and one helm provider, configured from that cluster; a second cluster would need providers of its own.",
    fix: "Put each cluster in a system of its own.",
  },
  NOROS3081: {
    title: "A cluster's network has private subnets in fewer than two availability zones.",
    explanation: "EKS places the control plane's network interfaces in at least two zones, and the nodes go to the same private subnets.",
    fix: "Give the network two or more private subnets and availabilityZones: 2 or more.",
  },
  NOROS3082: {
    title: "A cluster's network has no NAT gateway.",
    explanation: "The nodes live in private subnets; without a NAT gateway they cannot pull images (registry.k8s.io, ECR's public endpoints) or charts, and never become ready.",
    fix: "Set natGateway: true on the network (it needs a public subnet).",
  },
  NOROS3083: {
    title: "A service autoscales on a metric, but its cluster has no monitoring.",
    explanation: "The autoscaler reads the metric from the custom metrics API, served by the Prometheus adapter from the cluster's Prometheus.",
    fix: "Give the cluster monitoring: { nodeGroup, alerts }.",
  },
  NOROS3084: {
    title: "A service runs on a node group its cluster does not have.",
    example: 'run: { on: "eks", cluster, nodeGroup: "mian" } // the cluster has core and main',
  },
  NOROS3085: { title: "A service asks for an ingress route on a cluster without ingress.", fix: "Give the cluster ingress: { nodeGroup }." },
  NOROS3086: {
    title: "A service serves TLS, but its cluster has no certificate authority (or the TLS port is the plain HTTP port).",
    fix: "Give the cluster certificateAuthority: { nodeGroup }, and a TLS port other than the service's port.",
  },
  NOROS3087: { title: "Two services claim the same ingress host and path on one cluster.", explanation: "The ingress controller would send the requests to one of them, chosen by creation order." },
  NOROS3088: { title: "A reference to a cluster's ingressHostname, but the cluster has no ingress." },
  NOROS3120: {
    title: "A system declares more than one pipelines construct.",
    explanation: "An AWS account has one OIDC provider for token.actions.githubusercontent.com; one pipelines construct creates (or looks up) it and lists every image.",
    fix: "List every image in one pipelines(...).",
  },
  NOROS3121: {
    title: "Pipelines apply the infrastructure, but the system has no backend.",
    explanation: "A CI runner starts empty: without remote state each `terraform apply` would try to create the whole system again.",
    fix: 'Declare `backend: { s3: { bucket, key } }` in system(...); the apply role may read and write exactly that state object and its lock file.',
  },
  NOROS3110: {
    title: "A host's install script cannot be used.",
    explanation: "`install` names a UTF-8 script next to the system file (relative to the file declaring the host), starting with an interpreter line, of at most 1 MiB. It runs once on first boot through the user data noros writes for NixOS hosts; user data over 16 KB is staged in S3 automatically.",
    fix: "Correct the path, add the #! line, or move large payloads into downloads the script makes.",
  },
  NOROS3111: {
    title: "Two cluster modules of one host ask for different values of the same EC2 tag.",
    explanation: "Consul's and Nomad's retry_join find their peers by an EC2 tag the host carries; one tag key can have only one value on an instance.",
    fix: "Use the same tagKey and tagValue (the cluster's name) for Consul and Nomad, or different keys.",
  },
  NOROS3112: {
    title: "NixOS modules or a baked image on a host that does not run NixOS.",
    explanation: "Modules and `bake` are lowered to the host's NixOS configuration; a host with `os: { ami }` has none.",
    fix: "Remove them, or let the host run NixOS (the default).",
  },
  NOROS4001: {
    title: "The generated Terraform does not match the provider schema.",
    explanation: "Every generated main.tf.json is validated offline against the real provider schemas in schemas/providers/. A problem here is a noros bug or comes from an escape hatch.",
    fix: "In a raw.terraform block, correct the argument or block named in the message (the position is the raw block's); otherwise report the bug.",
  },
  NOROS4002: {
    title: "A raw.terraform block has the address of a block noros generates (or of another escape hatch's block).",
    explanation: "Escape hatches add to the generated Terraform; they never replace it, because a silent override would undo secure defaults without anyone seeing it.",
    example: 'raw.terraform("x", { reason: "...", resource: { aws_s3_bucket: { site: { bucket: "y" } } } }) // aws_s3_bucket.site is the bucket "site"',
    fix: "Give the raw block another name, or change the construct's properties (or waive its default) instead of overriding its resource.",
  },
  NOROS5010: {
    title: "Evaluating the system needed more memory than the evaluator's limit (512 MB).",
    explanation: "System files run in a separate evaluator process with a heap limit, so that a runaway allocation (a huge array, a string built in a loop) stops that process with this diagnostic instead of the compiler or the machine.",
    example: "const rows = []; for (let i = 0; i < 50; i++) rows.push(new Array(10_000_000).fill(i));",
    fix: "A system is a description, not a computation: build the values you need, not large tables.",
  },
  NOROS5011: {
    title: "The evaluator process stopped abnormally.",
    explanation: "The separate process that evaluates system files ended without an answer (killed by a signal or a fatal error) for a reason other than the time or memory limit.",
    fix: "Run again with NOROS_DEBUG=1 and report the message if it persists.",
  },
  NOROS5001: {
    title: "A security-policy rule is violated.",
    explanation:
      "Every generated Terraform block, escape hatches included, is checked against the rules in docs/policy.md, each following an AWS Security Hub or CIS control. The message names the rule, the construct and the block; the position is the construct's (for raw.terraform, the offending block's). Nothing is written while a violation stands.",
    example: 'raw.terraform("legacy", { reason: "...", resource: { aws_ebs_volume: { data: { availability_zone: "eu-central-1a", size: 10 } } } }) // NOROS-EBS-001: not encrypted',
    fix: 'Change the construct so that it complies; if the weaker setting is intended, waive the rule for that construct with a reason: waive(construct, "NOROS-EBS-001", "why").',
  },
  NOROS5002: {
    title: "A waiver names a rule that does not exist.",
    example: 'waive(site, "NOROS-S3-01", "...") // the id is NOROS-S3-001',
    fix: "Use an id from docs/policy.md (or `noros check`'s message).",
  },
  NOROS5003: {
    title: "A waiver gives no reason.",
    explanation: "A waiver weakens a secure default; its reason is what a reviewer reads in `noros check`, so it may not be empty.",
    example: 'waive(site, "NOROS-S3-001", "")',
  },
  NOROS5004: {
    title: "A waiver waives nothing (a warning).",
    explanation: "No block of the construct violates the rule, so the waiver has no effect today, but would silently hide a later violation.",
    fix: "Remove the waiver.",
  },
};

export const catalogue: Readonly<Record<string, Explanation>> = {
  ...compilerCodes,
  ...Object.fromEntries(Object.entries(validationCodes).map(([code, title]) => [code, { title }])),
};

export function explain(code: string): string | undefined {
  const entry = catalogue[code.toUpperCase()];
  if (!entry) return undefined;
  return [
    `${code.toUpperCase()}: ${entry.title}`,
    ...(entry.explanation ? ["", entry.explanation] : []),
    ...(entry.example ? ["", "Example:", `  ${entry.example}`] : []),
    ...(entry.fix ? ["", `Fix: ${entry.fix}`] : []),
    "",
  ].join("\n");
}
