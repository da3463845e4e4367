import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { compile, type Compiled } from "../compiler/compile.js";
import { DiagnosticsError } from "../compiler/diagnostics/diagnostic.js";
import { repoRoot, runCli, tempDir } from "./helpers/cli.js";
import { readTree } from "./helpers/examples.js";

type Statement = { sid: string; effect: string; actions: string[]; resources?: string[]; principals?: Array<{ type: string; identifiers: string[] }>; condition?: Array<{ test: string; variable: string; values: string[] }> };
type Doc = {
  resource: Record<string, Record<string, Record<string, unknown>>>;
  data: Record<string, Record<string, Record<string, unknown>>>;
  output: Record<string, { value: string }>;
};
type Workflow = {
  name: string;
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency?: Record<string, unknown>;
  jobs: Record<string, { uses?: string; needs?: string[]; env?: Record<string, string>; defaults?: { run: { "working-directory": string } }; steps?: Array<Record<string, unknown>> }>;
};

/** A system with two ECS services, each from its own ./<name> directory, and the given pipelines and system extras. */
function system(pipelines: string, extras = "", more = "", resources = "web, worker, ci"): string {
  const dir = tempDir("noros-pipelines-");
  for (const app of ["web", "worker"]) {
    mkdirSync(path.join(dir, app));
    writeFileSync(path.join(dir, app, "server.js"), "require('node:http').createServer((q, s) => s.end('ok')).listen(process.env.PORT);\n");
  }
  const file = path.join(dir, "shop.noros.ts");
  writeFileSync(
    file,
    `import { network, pipelines, service, system } from "noros";
const net = network("net", { cidr: "10.0.0.0/16", privateSubnets: ["10.0.1.0/24", "10.0.2.0/24"], publicSubnets: ["10.0.101.0/24", "10.0.102.0/24"] });
const web = service("web", { source: "./web", runtime: "node", port: 8080, healthCheck: { path: "/health" }, run: { on: "ecs", network: net } });
const worker = service("worker", { source: "./worker", runtime: "node", port: 8081, healthCheck: { path: "/health" }, run: { on: "ecs", network: net } });
const ci = pipelines("ci", ${pipelines});
${more}
export default system("shop", { region: "eu-west-1", ${extras} resources: [${resources}] });
`,
  );
  return file;
}

const backend = `backend: { s3: { bucket: "acme-tfstate", key: "shop/terraform.tfstate" } },`;
const full = `{ github: { repository: "acme/shop", directory: "infra/shop" }, images: [web, worker], apply: true }`;

const compiled = (file: string): Compiled => compile({ file, cwd: path.dirname(file) });
const documentOf = (c: Compiled) => JSON.parse(String(c.artefacts.find((a) => a.path === "terraform/main.tf.json")?.contents)) as Doc;
const statementsOf = (doc: Doc, name: string) => (doc.data.aws_iam_policy_document?.[name]?.statement ?? []) as Statement[];
const workflowOf = (c: Compiled, file: string) => {
  const artefact = c.artefacts.find((a) => a.path === `github/workflows/${file}`);
  if (!artefact) throw new Error(`no github/workflows/${file} among ${c.artefacts.map((a) => a.path).join(", ")}`);
  return parse(String(artefact.contents)) as Workflow;
};
function codesOf(file: string): string[] {
  try {
    compiled(file);
  } catch (error) {
    if (error instanceof DiagnosticsError) return error.diagnostics.map((d) => d.code);
    throw error;
  }
  return [];
}

describe("pipelines: the IAM roles GitHub's workflows assume", () => {
  const c = compiled(system(full, backend));
  const doc = documentOf(c);

  it("creates GitHub's OIDC provider for sts.amazonaws.com, without thumbprints", () => {
    expect(doc.resource.aws_iam_openid_connect_provider?.github).toMatchObject({ url: "https://token.actions.githubusercontent.com", client_id_list: ["sts.amazonaws.com"] });
    expect(doc.resource.aws_iam_openid_connect_provider?.github).not.toHaveProperty("thumbprint_list");
  });

  it("lets only workflows of that repository on that branch assume either role", () => {
    for (const purpose of ["build", "apply"]) {
      expect(doc.resource.aws_iam_role?.[`ci_${purpose}`]?.assume_role_policy).toBe(`\${data.aws_iam_policy_document.ci_${purpose}_trust.json}`);
      const [trust, ...others] = statementsOf(doc, `ci_${purpose}_trust`);
      expect(others).toEqual([]);
      expect(trust?.actions).toEqual(["sts:AssumeRoleWithWebIdentity"]);
      expect(trust?.principals).toEqual([{ type: "Federated", identifiers: ["${aws_iam_openid_connect_provider.github.arn}"] }]);
      expect(trust?.condition).toEqual([
        { test: "StringEquals", variable: "token.actions.githubusercontent.com:aud", values: ["sts.amazonaws.com"] },
        { test: "StringEquals", variable: "token.actions.githubusercontent.com:sub", values: ["repo:acme/shop:ref:refs/heads/main"] },
      ]);
    }
  });

  it("lets the build role push to exactly the listed services' repositories; only the ECR login is on *", () => {
    const statements = statementsOf(doc, "ci_build");
    expect(statements.filter((s) => s.resources?.includes("*"))).toEqual([{ sid: "EcrLogin", effect: "Allow", actions: ["ecr:GetAuthorizationToken"], resources: ["*"] }]);
    const push = statements.find((s) => s.sid === "PushOwnImages");
    expect(push?.resources).toEqual(["${aws_ecr_repository.web.arn}", "${aws_ecr_repository.worker.arn}"]);
    expect(push?.actions).toEqual(expect.arrayContaining(["ecr:PutImage", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:BatchCheckLayerAvailability"]));
    // No deploy rights: Terraform owns the task definitions, the apply workflow deploys.
    expect(statements.flatMap((s) => s.actions).filter((a) => !a.startsWith("ecr:"))).toEqual([]);
    expect(doc.resource.aws_iam_role_policy?.ci_build?.role).toBe("${aws_iam_role.ci_build.id}");
  });

  it("gives the apply role PowerUserAccess, IAM only on the name prefix, and the state object with its lock", () => {
    expect(doc.resource.aws_iam_role_policy_attachment?.ci_apply_power_user).toEqual({ role: "${aws_iam_role.ci_apply.name}", policy_arn: "arn:${data.aws_partition.current.partition}:iam::aws:policy/PowerUserAccess" });
    const statements = statementsOf(doc, "ci_apply");
    for (const s of statements) {
      expect(s.actions.some((a) => a === "*" || a.endsWith(":*")), s.sid).toBe(false);
      expect(s.resources?.includes("*"), s.sid).toBe(false);
    }
    const iam = statements.filter((s) => s.actions.some((a) => a.startsWith("iam:")));
    // No hosts, so no instance profiles; no users or groups either.
    expect(iam.map((s) => s.sid)).toEqual(["ManageOwnRoles", "ManageOidcProviders"]);
    expect(iam.find((s) => s.sid === "ManageOwnRoles")?.resources).toEqual(["arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:role/${var.name_prefix}-*"]);
    expect(iam.find((s) => s.sid === "ManageOidcProviders")?.resources).toEqual(["arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:oidc-provider/token.actions.githubusercontent.com"]);
    const bucket = "arn:${data.aws_partition.current.partition}:s3:::acme-tfstate";
    expect(statements.filter((s) => s.actions.some((a) => a.startsWith("s3:"))).map((s) => [s.actions, s.resources])).toEqual([
      [["s3:ListBucket"], [bucket]],
      [["s3:GetObject", "s3:PutObject"], [`${bucket}/shop/terraform.tfstate`]],
      [["s3:DeleteObject", "s3:GetObject", "s3:PutObject"], [`${bucket}/shop/terraform.tfstate.tflock`]],
    ]);
  });

  it("lets the apply role manage instance profiles, users and groups of the prefix only when the system has them", () => {
    const more = `const box = host("box", { network: net });\nconst ops = group("ops");\nconst alice = user("alice", { groups: [ops] });`;
    const file = system(full, backend, more, "web, worker, ci, box, alice");
    writeFileSync(file, readFileSync(file, "utf8").replace("import { network,", "import { group, host, network, user,"));
    const statements = statementsOf(documentOf(compiled(file)), "ci_apply");
    const iam = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}";
    expect(statements.find((s) => s.sid === "ManageOwnInstanceProfiles")?.resources).toEqual([`${iam}:instance-profile/\${var.name_prefix}-*`]);
    expect(statements.find((s) => s.sid === "ManageOwnUsersAndGroups")?.resources).toEqual([`${iam}:user/\${var.name_prefix}-*`, `${iam}:group/\${var.name_prefix}-*`]);
  });

  it("outputs both roles' ARNs, which the workflows' repository variables take", () => {
    expect(doc.output.ci_build_role_arn?.value).toBe("${aws_iam_role.ci_build.arn}");
    expect(doc.output.ci_apply_role_arn?.value).toBe("${aws_iam_role.ci_apply.arn}");
  });

  it("looks the OIDC provider up instead when it exists, and then may not change it", () => {
    const existing = documentOf(compiled(system(`{ github: { repository: "acme/shop", oidcProvider: "existing" }, images: [web], apply: true }`, backend)));
    expect(existing.resource.aws_iam_openid_connect_provider).toBeUndefined();
    expect(existing.data.aws_iam_openid_connect_provider?.github).toEqual({ url: "https://token.actions.githubusercontent.com" });
    expect(statementsOf(existing, "ci_build_trust")[0]?.principals?.[0]?.identifiers).toEqual(["${data.aws_iam_openid_connect_provider.github.arn}"]);
    expect(statementsOf(existing, "ci_apply").find((s) => s.sid === "ManageOidcProviders")?.actions).toEqual(["iam:GetOpenIDConnectProvider"]);
    // Finding it means listing providers, which has no resource: the apply role's one "*".
    expect(statementsOf(existing, "ci_apply").filter((s) => s.resources?.includes("*"))).toEqual([{ sid: "FindOidcProvider", effect: "Allow", actions: ["iam:ListOpenIDConnectProviders"], resources: ["*"] }]);
  });

  it("creates only the role a declared workflow needs", () => {
    const buildOnly = documentOf(compiled(system(`{ github: { repository: "acme/shop", branch: "release/v2" }, images: [worker] }`)));
    expect(Object.keys(buildOnly.resource.aws_iam_role ?? {}).filter((r) => r.startsWith("ci_"))).toEqual(["ci_build"]);
    expect(statementsOf(buildOnly, "ci_build_trust")[0]?.condition?.[1]?.values).toEqual(["repo:acme/shop:ref:refs/heads/release/v2"]);
    expect(statementsOf(buildOnly, "ci_build").find((s) => s.sid === "PushOwnImages")?.resources).toEqual(["${aws_ecr_repository.worker.arn}"]);
    const applyOnly = documentOf(compiled(system(`{ github: { repository: "acme/shop" }, apply: true }`, backend)));
    expect(Object.keys(applyOnly.resource.aws_iam_role ?? {}).filter((r) => r.startsWith("ci_"))).toEqual(["ci_apply"]);
  });
});

describe("pipelines: the workflows", () => {
  const c = compiled(system(full, backend));
  const build = workflowOf(c, "build-web.yml");
  const apply = workflowOf(c, "apply.yml");

  it("writes one build workflow per image and apply.yml, instead of the docker target's generic one", () => {
    expect(c.artefacts.map((a) => a.path).filter((p) => p.includes("workflows/"))).toEqual(["github/workflows/build-web.yml", "github/workflows/build-worker.yml", "github/workflows/apply.yml"]);
  });

  it("lets both log in with an OIDC token only, reading the repository", () => {
    for (const w of [build, apply]) expect(w.permissions).toEqual({ contents: "read", "id-token": "write" });
  });

  it("builds the generated Dockerfile's context and pushes it tagged with the git sha, through pinned actions", () => {
    const steps = build.jobs.build?.steps ?? [];
    expect(steps.map((s) => s.uses).filter(Boolean)).toEqual(["actions/checkout@v4", "actions/setup-node@v4", "aws-actions/configure-aws-credentials@v4", "aws-actions/amazon-ecr-login@v2"]);
    expect(steps.find((s) => s.uses === "aws-actions/configure-aws-credentials@v4")?.with).toEqual({ "role-to-assume": "${{ vars.NOROS_BUILD_ROLE_ARN }}", "aws-region": "eu-west-1" });
    expect(steps.map((s) => s.run).filter(Boolean)).toContain("npx noros compile shop.noros.ts -o out --target docker");
    const push = steps.find((s) => String(s.run ?? "").includes("docker push"));
    expect(push?.env).toEqual({ REGISTRY: "${{ steps.ecr.outputs.registry }}", REPOSITORY: "${{ vars.NOROS_NAME_PREFIX || 'shop' }}-web", TAG: "${{ github.sha }}" });
    expect(String(push?.run)).toContain('docker build --tag "$REGISTRY/$REPOSITORY:$TAG" out/docker/web');
    expect(String(push?.run)).toContain('docker push "$REGISTRY/$REPOSITORY:$TAG"');
    // ECR tags are immutable: a re-run of the same commit skips the push instead of failing.
    expect(String(push?.run)).toMatch(/^if aws ecr describe-images .*imageTag=\$TAG/);
    expect(build.jobs.build?.defaults?.run["working-directory"]).toBe("infra/shop");
  });

  it("builds only when apply.yml calls it (or by hand) when there is an apply workflow", () => {
    expect(Object.keys(build.on).sort()).toEqual(["workflow_call", "workflow_dispatch"]);
  });

  it("applies on a push to the branch: every image first, then terraform init, plan and apply of that plan, deploying this commit's images", () => {
    expect(apply.on).toEqual({ push: { branches: ["main"] }, workflow_dispatch: {} });
    expect(apply.concurrency).toEqual({ group: "apply-shop", "cancel-in-progress": false });
    expect(apply.jobs["build-web"]).toEqual({ uses: "./.github/workflows/build-web.yml" });
    expect(apply.jobs["build-worker"]).toEqual({ uses: "./.github/workflows/build-worker.yml" });
    const job = apply.jobs.apply;
    expect(job?.needs).toEqual(["build-web", "build-worker"]);
    expect(job?.env).toMatchObject({ TF_VAR_web_image_tag: "${{ github.sha }}", TF_VAR_worker_image_tag: "${{ github.sha }}", TF_VAR_name_prefix: "${{ vars.NOROS_NAME_PREFIX || 'shop' }}" });
    const steps = job?.steps ?? [];
    expect(steps.find((s) => s.uses === "hashicorp/setup-terraform@v3")?.with).toMatchObject({ terraform_wrapper: false });
    expect(steps.find((s) => s.uses === "aws-actions/configure-aws-credentials@v4")?.with).toMatchObject({ "role-to-assume": "${{ vars.NOROS_APPLY_ROLE_ARN }}" });
    expect(steps.map((s) => s.run).filter((r) => String(r).startsWith("terraform"))).toEqual([
      "terraform -chdir=out/terraform init",
      "terraform -chdir=out/terraform plan -out=tfplan",
      "terraform -chdir=out/terraform apply tfplan",
    ]);
  });

  it("builds on its own on a push to the branch when nothing applies, and the docker target's workflow stays out", () => {
    const buildOnly = compiled(system(`{ github: { repository: "acme/shop", branch: "trunk" }, images: [worker] }`));
    expect(workflowOf(buildOnly, "build-worker.yml").on).toEqual({ push: { branches: ["trunk"] }, workflow_call: {}, workflow_dispatch: {} });
    expect(buildOnly.artefacts.map((a) => a.path).filter((p) => p.includes("workflows/"))).toEqual(["github/workflows/build-worker.yml"]);
  });

  it("writes the same bytes for the same input, and only workflows with --target github", async () => {
    const file = system(full, backend);
    const runs = [];
    for (const n of [1, 2]) {
      const out = path.join(tempDir(), `out${n}`);
      const run = await runCli(["compile", file, "-o", out, "--target", "github", "--no-cache"], path.dirname(file));
      expect(run.stderr).toBe("");
      runs.push(readTree(out));
    }
    expect([...(runs[0]?.keys() ?? [])]).toEqual(["github/workflows/apply.yml", "github/workflows/build-web.yml", "github/workflows/build-worker.yml", "manifest.json"]);
    expect(runs[1]).toEqual(runs[0]);
  });
});

describe("pipelines: noros check", () => {
  it("lists the roles CI assumes, who may assume them and what they may do", async () => {
    const file = system(full, backend);
    const run = await runCli(["check", file], path.dirname(file));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("  ci role ci_build (assumable by repo:acme/shop:ref:refs/heads/main only): push to the ECR repositories of web, worker\n");
    expect(run.stdout).toMatch(/ {2}ci role ci_apply \(assumable by repo:acme\/shop:ref:refs\/heads\/main only\): PowerUserAccess, .*state s3:\/\/acme-tfstate\/shop\/terraform\.tfstate\n/);
  });
});

describe("pipelines: mistakes", () => {
  it("refuses an apply workflow without a backend: each run would start from an empty state", () => {
    expect(codesOf(system(full))).toEqual(["NOROS3121"]);
  });
  it("refuses a repository not written owner/name, and a branch with a wildcard", () => {
    expect(codesOf(system(`{ github: { repository: "shop" }, images: [web] }`))).toEqual(["NOROS2360"]);
    expect(codesOf(system(`{ github: { repository: "acme/shop", branch: "*" }, images: [web] }`))).toEqual(["NOROS2361"]);
  });
  it("refuses pipelines that do nothing", () => {
    expect(codesOf(system(`{ github: { repository: "acme/shop" } }`))).toEqual(["NOROS2363"]);
  });
  it("refuses a second pipelines construct (one GitHub OIDC provider per account)", () => {
    const file = system(`{ github: { repository: "acme/shop" }, images: [web] }`, "", `const other = pipelines("other", { github: { repository: "acme/other" }, images: [worker] });`, "web, worker, ci, other");
    expect(codesOf(file)).toEqual(["NOROS3120"]);
  });
});

describe("url-checker's pipelines (S3.6)", () => {
  const c = compiled(path.join(repoRoot, "examples", "url-checker", "url-checker.noros.ts"));
  it("build and push the checker, then apply from main, with the account's existing OIDC provider", () => {
    expect(workflowOf(c, "build-checker.yml").jobs.build?.defaults?.run["working-directory"]).toBe("examples/url-checker");
    expect(workflowOf(c, "apply.yml").jobs.apply?.env?.TF_VAR_checker_image_tag).toBe("${{ github.sha }}");
    expect(documentOf(c).data.aws_iam_openid_connect_provider?.github).toBeDefined();
  });
});
