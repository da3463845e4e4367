import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { compile } from "../compiler/compile.js";
import { DiagnosticsError } from "../compiler/diagnostics/diagnostic.js";
import { buildCommand } from "../targets/terraform/constructs/image-build-spec.js";
import { writeSystem } from "./helpers/cli.js";
import { writeFunctionSystem } from "./helpers/function-system.js";

const compiled = (file: string) => compile({ file, cwd: path.dirname(file), targets: ["terraform"] });
const terraformOf = (file: string) => JSON.parse(String(compiled(file).artefacts.find((a) => a.path === "terraform/main.tf.json")?.contents));
const problemsOf = (file: string) => {
  try {
    compiled(file);
  } catch (error) {
    if (error instanceof DiagnosticsError) return error.diagnostics.map((d) => `${d.code} ${d.line}:${d.col} ${d.message}`);
    throw error;
  }
  return [];
};

const plain = [
  'import { bucket, imageBuild, system } from "noros";',
  'const uploads = bucket("uploads");',
  'const envs = imageBuild("envs", { source: uploads, prefix: "environments/", computeType: "medium", keptImages: 10 });',
  'export default system("builds", { region: "eu-central-1", resources: [uploads, envs] });',
];

describe("imageBuild", () => {
  const file = writeSystem({ "s.noros.ts": plain.join("\n") });
  const { graph } = compiled(file);
  const doc = terraformOf(file);
  const project = doc.resource.aws_codebuild_project.envs;

  it("pushes to its own repository: immutable tags, scanned on push, keeping keptImages images", () => {
    expect(doc.resource.aws_ecr_repository.envs).toMatchObject({ image_tag_mutability: "IMMUTABLE", image_scanning_configuration: { scan_on_push: true } });
    expect(JSON.parse(doc.resource.aws_ecr_lifecycle_policy.envs.policy).rules[0].selection.countNumber).toBe(10);
  });

  it("builds in a privileged CodeBuild container of the chosen size, logging to its own log group with retention", () => {
    expect(project.environment).toMatchObject({ type: "LINUX_CONTAINER", compute_type: "BUILD_GENERAL1_MEDIUM", privileged_mode: true });
    expect(project.service_role).toBe("${aws_iam_role.envs.arn}");
    expect(project.logs_config.cloudwatch_logs).toEqual({ status: "ENABLED", group_name: "${aws_cloudwatch_log_group.envs_build.name}", stream_name: "envs" });
    expect(doc.resource.aws_cloudwatch_log_group.envs_build.retention_in_days).toBe(90);
    expect(project.vpc_config).toBeUndefined();
    const variables = Object.fromEntries(project.environment.environment_variable.map((v: { name: string; value: string }) => [v.name, v.value]));
    expect(variables).toEqual({
      KEY_PREFIX: "environments/",
      REPOSITORY_NAME: "${aws_ecr_repository.envs.name}",
      REPOSITORY_URI: "${aws_ecr_repository.envs.repository_url}",
      SOURCE_BUCKET: "${aws_s3_bucket.uploads.bucket}",
      SOURCE_KEY: "none",
    });
  });

  it("carries the script in a YAML buildspec, its shell ${...} escaped from Terraform", () => {
    expect(project.source.type).toBe("NO_SOURCE");
    // Terraform reads "$${" as a literal "${": undo that, then the text must be the printed YAML.
    const spec = parseYaml(project.source.buildspec.replace(/\$\$\{/g, "${"));
    expect(spec).toEqual({ version: "0.2", env: { shell: "bash" }, phases: { build: { commands: [buildCommand] } } });
    expect(project.source.buildspec).not.toMatch(/(^|[^$])\$\{/);
  });

  it("sends the bucket's events to EventBridge, where a rule matches buildable uploads under the prefix of that bucket", () => {
    expect(doc.resource.aws_s3_bucket_notification.uploads).toEqual({ bucket: "${aws_s3_bucket.uploads.id}", eventbridge: true });
    const pattern = JSON.parse(doc.resource.aws_cloudwatch_event_rule.envs_uploads.event_pattern);
    expect(pattern).toEqual({
      source: ["aws.s3"],
      "detail-type": ["Object Created"],
      detail: {
        bucket: { name: ["${aws_s3_bucket.uploads.bucket}"] },
        object: { key: [{ wildcard: "environments/*/Dockerfile" }, { wildcard: "environments/*.tar" }, { wildcard: "environments/*.tar.gz" }, { wildcard: "environments/*.tgz" }] },
      },
    });
  });

  it("starts the project with the uploaded key, through a role that may start that one project for that one rule", () => {
    const target = doc.resource.aws_cloudwatch_event_target.envs_uploads;
    expect(target.arn).toBe("${aws_codebuild_project.envs.arn}");
    expect(target.role_arn).toBe("${aws_iam_role.envs_events.arn}");
    expect(target.input_transformer.input_paths).toEqual({ key: "$.detail.object.key" });
    expect(JSON.parse(target.input_transformer.input_template)).toEqual({ environmentVariablesOverride: [{ name: "SOURCE_KEY", value: "<key>", type: "PLAINTEXT" }] });
    expect(doc.data.aws_iam_policy_document.envs_start_build.statement).toEqual([
      { sid: "StartOwnBuild", effect: "Allow", actions: ["codebuild:StartBuild"], resources: ["${aws_codebuild_project.envs.arn}"] },
    ]);
    const trust = doc.data.aws_iam_policy_document.envs_events_assume.statement[0];
    expect(trust.principals).toEqual([{ type: "Service", identifiers: ["events.amazonaws.com"] }]);
    expect(trust.condition).toContainEqual({ test: "ArnEquals", variable: "aws:SourceArn", values: ["${aws_cloudwatch_event_rule.envs_uploads.arn}"] });
  });

  it("derives a least-privilege role: its log group, the uploads under its prefix, its repository", () => {
    const grants = graph.grants.filter((g) => g.principal.name === "envs").map((g) => ({ actions: g.actions, resources: g.resources.map((r) => r.parts) }));
    const ref = (kind: string, name: string, attribute: string) => ({ $noros: "ref", kind, name, attribute });
    expect(grants).toEqual([
      { actions: ["logs:CreateLogStream", "logs:PutLogEvents"], resources: [[ref("image-build", "envs", "logGroupArn"), ":*"]] },
      { actions: ["s3:GetObject"], resources: [[ref("bucket", "uploads", "arn"), "/environments/*"]] },
      { actions: ["ecr:GetAuthorizationToken"], resources: [["*"]] },
      {
        actions: ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:CompleteLayerUpload", "ecr:DescribeImages", "ecr:InitiateLayerUpload", "ecr:PutImage", "ecr:UploadLayerPart"],
        resources: [[ref("image-build", "envs", "repositoryArn")]],
      },
    ]);
    expect(doc.resource.aws_iam_role_policy.envs_grants.role).toBe("${aws_iam_role.envs.id}");
    const trust = doc.data.aws_iam_policy_document.envs_codebuild_assume.statement[0];
    expect(trust.principals).toEqual([{ type: "Service", identifiers: ["codebuild.amazonaws.com"] }]);
    // No wildcard action anywhere, and "*" only for the one action IAM cannot scope.
    for (const statement of doc.data.aws_iam_policy_document.envs_grants.statement) {
      expect(statement.actions.some((a: string) => a === "*" || a.endsWith(":*"))).toBe(false);
      if (statement.resources.includes("*")) expect(statement.actions).toEqual(["ecr:GetAuthorizationToken"]);
    }
  });

  it("lets its pullers pull from its repository, nothing more, and refuses a puller without a role", () => {
    const pulling = writeSystem({
      "p.noros.ts": [
        'import { bucket, host, imageBuild, network, system } from "noros";',
        'const net = network("net", { cidr: "10.0.0.0/16", privateSubnets: ["10.0.10.0/24"] });',
        'const web = host("web", { network: net });',
        'const uploads = bucket("uploads");',
        'const envs = imageBuild("envs", { source: uploads, pullers: [web] });',
        'export default system("builds", { region: "eu-central-1", resources: [net, web, uploads, envs] });',
      ].join("\n"),
    });
    const result = compiled(pulling);
    expect(result.graph.grants.filter((g) => g.principal.name === "web").map((g) => ({ sid: g.sid, actions: g.actions, resources: g.resources.map((r) => r.parts) }))).toEqual([
      { sid: "PullEnvsImages", actions: ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], resources: [[{ $noros: "ref", kind: "image-build", name: "envs", attribute: "repositoryArn" }]] },
      { sid: "EcrLoginForEnvs", actions: ["ecr:GetAuthorizationToken"], resources: [["*"]] },
    ]);
    expect(result.graph.edges).toContainEqual({ from: "envs", to: "web", kind: "grants", via: "pullers" });
    const noRole = problemsOf(
      writeSystem({
        "q.noros.ts": [
          'import { bucket, imageBuild, service, system } from "noros";',
          'const app = service("app", { source: "./app", runtime: "node", port: 8080, healthCheck: { path: "/health" } });',
          'const uploads = bucket("uploads");',
          'const envs = imageBuild("envs", { source: uploads, pullers: [app] });',
          'export default system("builds", { region: "eu-central-1", resources: [app, uploads, envs] });',
        ].join("\n"),
      }),
    );
    expect(noRole).toContainEqual(expect.stringMatching(/^NOROS3007 4:62 service "app" may pull from image build "envs" but does not run in the cloud/));
  });

  it("shares a bucket's one notification with the functions it triggers", () => {
    const shared = writeFunctionSystem([
      'import { bucket, fn, imageBuild, system } from "noros";',
      'const uploads = bucket("uploads");',
      'const thumbs = fn("thumbs", { source: "./src", runtime: "nodejs20.x", handler: "index.handler", triggers: { objects: [{ bucket: uploads, prefix: "images/" }] } });',
      'const envs = imageBuild("envs", { source: uploads });',
      'export default system("x", { region: "eu-central-1", resources: [uploads, thumbs, envs] });',
    ]);
    const notification = terraformOf(shared).resource.aws_s3_bucket_notification;
    expect(Object.keys(notification)).toEqual(["uploads"]);
    expect(notification.uploads).toMatchObject({ eventbridge: true, lambda_function: [{ id: "thumbs-0", filter_prefix: "images/" }] });
  });

  it("runs in a network's private subnets, allowed to manage network interfaces for CodeBuild in that VPC only", () => {
    const networked = writeSystem({
      "n.noros.ts": [
        'import { bucket, imageBuild, network, system } from "noros";',
        'const net = network("net", { cidr: "10.0.0.0/16", publicSubnets: ["10.0.0.0/24"], privateSubnets: ["10.0.10.0/24", "10.0.11.0/24"], natGateway: true });',
        'const uploads = bucket("uploads", { restrictTo: net });',
        'const envs = imageBuild("envs", { source: uploads, network: net });',
        'export default system("builds", { region: "eu-central-1", resources: [net, uploads, envs] });',
      ].join("\n"),
    });
    const networkedDoc = terraformOf(networked);
    expect(networkedDoc.resource.aws_codebuild_project.envs.vpc_config).toEqual({
      vpc_id: "${aws_vpc.net.id}",
      subnets: ["${aws_subnet.net_private_0.id}", "${aws_subnet.net_private_1.id}"],
      security_group_ids: ["${aws_security_group.envs_build.id}"],
    });
    const statements = networkedDoc.data.aws_iam_policy_document.envs_grants.statement;
    const permission = statements.find((s: { sid: string }) => s.sid === "AttachBuildNetworkInterfaces");
    expect(permission.condition).toEqual([
      { test: "StringEquals", variable: "ec2:AuthorizedService", values: ["codebuild.amazonaws.com"] },
      { test: "ArnLike", variable: "ec2:Vpc", values: ["arn:aws:ec2:eu-central-1:*:vpc/${aws_vpc.net.id}"] },
    ]);
    expect(Object.keys(networkedDoc.resource.aws_vpc_security_group_egress_rule).filter((k) => k.startsWith("envs_"))).toEqual(["envs_build_http", "envs_build_https"]);
    expect(networkedDoc.resource.aws_vpc_security_group_ingress_rule?.envs_build).toBeUndefined();
  });

  it("refuses a source bucket it could not read, a network it could not build from, and a bad prefix", () => {
    const refused = (lines: string[]) => problemsOf(writeSystem({ "r.noros.ts": lines.join("\n") }));
    expect(
      refused([
        'import { bucket, imageBuild, network, system } from "noros";',
        'const net = network("net", { cidr: "10.0.0.0/16", privateSubnets: ["10.0.10.0/24"] });',
        'const uploads = bucket("uploads", { restrictTo: net });',
        'const envs = imageBuild("envs", { source: uploads });',
        'export default system("builds", { region: "eu-central-1", resources: [net, uploads, envs] });',
      ]),
    ).toEqual([expect.stringMatching(/^NOROS3054 4:35 image build "envs" could not read bucket "uploads": the bucket is restricted to network "net"/)]);
    expect(
      refused([
        'import { bucket, imageBuild, network, system } from "noros";',
        'const net = network("net", { cidr: "10.0.0.0/16", privateSubnets: ["10.0.10.0/24"] });',
        'const uploads = bucket("uploads", { restrictTo: net });',
        'const envs = imageBuild("envs", { source: uploads, network: net });',
        'export default system("builds", { region: "eu-central-1", resources: [net, uploads, envs] });',
      ]),
    ).toEqual([expect.stringMatching(/^NOROS3055 4:52 image build "envs" runs in network "net", which has no NAT gateway/)]);
    expect(
      refused([
        'import { bucket, imageBuild, system } from "noros";',
        'const uploads = bucket("uploads");',
        'const envs = imageBuild("envs", { source: uploads, prefix: "up loads*" });',
        'export default system("builds", { region: "eu-central-1", resources: [uploads, envs] });',
      ]),
    ).toEqual([expect.stringMatching(/^NOROS2070 3:52 image-build "envs": prefix: key prefix "up loads\*" is invalid/)]);
  });
});

/**
 * The build script itself, run by bash with fake `aws` and `docker` commands on PATH that record
 * their arguments: what CodeBuild would do for each kind of upload.
 */
describe("the build script", () => {
  function run(key: string, upload: Buffer, options: { existing?: boolean } = {}) {
    const dir = mkdtempSync(path.join(tmpdir(), "noros-build-"));
    const bin = path.join(dir, "bin");
    mkdirSync(bin);
    writeFileSync(path.join(dir, "object"), upload);
    const log = path.join(dir, "calls");
    const fake = (name: string, body: string) => {
      writeFileSync(path.join(bin, name), `#!/usr/bin/env bash\necho "${name} $*" >> "$CALLS"\n${body}\n`);
      chmodSync(path.join(bin, name), 0o755);
    };
    fake("aws", [
      'if [ "$1 $2" = "s3api get-object" ]; then cp "$OBJECT" "${@: -1}"; echo "{}"; fi',
      'if [ "$1 $2" = "ecr get-login-password" ]; then echo token; fi',
      'if [ "$1 $2" = "ecr describe-images" ]; then exit "$DESCRIBE_STATUS"; fi',
      "exit 0",
    ].join("\n"));
    fake("docker", ['if [ "$1" = load ]; then echo "Loaded image: python:3.12-slim"; fi', "cat > /dev/null || true", "exit 0"].join("\n"));
    // As CodeBuild runs it: in a shell that goes on after the command (and must, whatever the script exits with).
    const result = spawnSync("bash", ["-c", `${buildCommand}\nstatus=$?\necho "shell goes on" >> "$CALLS"\nexit $status`], {
      env: {
        PATH: `${bin}:${process.env.PATH}`,
        CALLS: log,
        OBJECT: path.join(dir, "object"),
        DESCRIBE_STATUS: options.existing ? "0" : "254",
        KEY_PREFIX: "uploads/",
        SOURCE_KEY: key,
        SOURCE_BUCKET: "the-bucket",
        REPOSITORY_NAME: "p-envs",
        REPOSITORY_URI: "123456789012.dkr.ecr.eu-central-1.amazonaws.com/p-envs",
      },
      encoding: "utf8",
    });
    let calls: string[] = [];
    try {
      calls = readFileSync(log, "utf8").trim().split("\n");
    } catch {
      // No command was called.
    }
    const continued = calls.at(-1) === "shell goes on";
    return { status: result.status, stderr: result.stderr, stdout: result.stdout, calls: continued ? calls.slice(0, -1) : calls, continued };
  }
  const tag = (contents: Buffer) => createHash("sha256").update(contents).digest("hex").slice(0, 16);
  const image = (environment: string, contents: Buffer) => `123456789012.dkr.ecr.eu-central-1.amazonaws.com/p-envs:${environment}-${tag(contents)}`;
  function tarball(files: Record<string, string>, gzip = false): Buffer {
    const dir = mkdtempSync(path.join(tmpdir(), "noros-tar-"));
    for (const [name, contents] of Object.entries(files)) writeFileSync(path.join(dir, name), contents);
    return execFileSync("tar", [gzip ? "-czf" : "-cf", "-", "-C", dir, ...Object.keys(files)]);
  }

  it("builds an uploaded Dockerfile and pushes it as <environment>-<content hash>", () => {
    const dockerfile = Buffer.from("FROM python:3.12-slim\n");
    const { status, calls } = run("uploads/python-3/Dockerfile", dockerfile);
    expect(status).toBe(0);
    expect(calls).toContain("aws s3api get-object --bucket the-bucket --key uploads/python-3/Dockerfile " + calls.find((c) => c.startsWith("aws s3api"))?.split(" ").at(-1));
    expect(calls.some((c) => c.startsWith(`docker build --pull --tag ${image("python-3", dockerfile)} `))).toBe(true);
    expect(calls.at(-1)).toBe(`docker push ${image("python-3", dockerfile)}`);
  });

  it("builds a context archive with a Dockerfile at its root", () => {
    const context = tarball({ Dockerfile: "FROM alpine:3.20\nCOPY app.sh /\n", "app.sh": "echo hi\n" }, true);
    const { status, calls } = run("uploads/tools/context.tar.gz", context);
    expect(status).toBe(0);
    expect(calls.some((c) => c.startsWith(`docker build --pull --tag ${image("tools", context)} `))).toBe(true);
  });

  it("loads an image saved by docker save, tags it and pushes it", () => {
    const saved = tarball({ "manifest.json": "[]", "index.json": "{}" });
    const { status, calls } = run("uploads/python-3/image.tar", saved);
    expect(status).toBe(0);
    expect(calls).toContain(`docker tag python:3.12-slim ${image("python-3", saved)}`);
    expect(calls.some((c) => c.startsWith("docker build"))).toBe(false);
    expect(calls.at(-1)).toBe(`docker push ${image("python-3", saved)}`);
  });

  it("skips an upload whose image exists already (tags are immutable)", () => {
    const { status, stdout, calls, continued } = run("uploads/python-3/Dockerfile", Buffer.from("FROM python:3.12-slim\n"), { existing: true });
    expect(status).toBe(0);
    expect(continued).toBe(true);
    expect(stdout).toContain("exists already");
    expect(calls.some((c) => c.startsWith("docker build") || c.startsWith("docker push"))).toBe(false);
  });

  it("refuses keys outside the prefix, keys it would have to quote, and archives that are neither", () => {
    for (const key of ["other/python-3/Dockerfile", "uploads/Dockerfile", "uploads/Python 3/Dockerfile", "uploads/x/$(reboot)/Dockerfile"]) {
      const { status, stderr, calls, continued } = run(key, Buffer.from("FROM scratch\n"));
      expect(status, key).toBe(1);
      expect(continued, key).toBe(true);
      expect(stderr, key).toContain("refusing");
      expect(calls, key).toEqual([]);
    }
    const neither = run("uploads/x/stuff.tar", tarball({ "README": "hello" }));
    expect(neither.status).toBe(1);
    expect(neither.stderr).toContain("neither a Dockerfile nor a manifest.json");
    expect(neither.calls.some((c) => c.startsWith("docker build") || c.startsWith("docker push"))).toBe(false);
  });
});
