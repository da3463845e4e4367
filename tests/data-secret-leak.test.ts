import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { dataSystem, NET } from "./helpers/data-system.js";
import { examples } from "./helpers/examples.js";

/**
 * No secret value in any artefact. noros never knows a deployed secret's value, so the test plants
 * values where a careless compiler could pick them up (the environment it runs in, the local secret
 * files beside an app's source) and greps every output file of every example and of a system using
 * every secret form (JSON and HCL) for each of them. Then it checks the flow of the values noros does wire up
 * (generated passwords, the RDS master password): each reaches only the one argument that needs it.
 */
const canaries = {
  AWS_SECRET_ACCESS_KEY: "canary-aws-secret-9f4c2e7a1b",
  NOROS_DB_PASSWORD: "canary-db-password-3d8e6f0c5a",
  RESULTS_TOKEN: "canary-results-token-7b1a9c4e2d",
  API_TOKEN: "canary-api-token-5e2f8a3c9b",
} as const;

const everySecretForm = `${NET}
const key = kmsKey("secrets");
const web = host("web", { network: main });
const generated = secret("generated", { generate: { length: 40, symbols: true }, kmsKey: key, readers: [web] });
const fromSsm = secret("from-ssm", { ssmParameter: "/fx/api-token", readers: [web] });
const fromSm = secret("from-sm", { secretsManager: "fx/api-token", kmsKey: key });
const dbPassword = secret("db-password", { generate: {} });
const cacheToken = secret("cache-token", { generate: {} });
const hostToken = secret("host-token", { generate: {} });
const api = service("api", {
  source: "./app", runtime: "static", port: 8080, healthCheck: { path: "/health" },
  secrets: { API_TOKEN: generated.value, SSM_TOKEN: fromSsm.value, SM_TOKEN: fromSm.value, DB_PASSWORD: dbPassword.value },
  environment: { GENERATED_ARN: generated.arn },
  run: { on: "ecs", network: main },
});
const db = database("db", { network: main, databaseName: "app", appUser: { name: "app", password: dbPassword.value }, clients: [web, api] });
const managed = cache("managed", { on: "elasticache", network: main, authToken: cacheToken.value, clients: [api] });
const onHost = cache("on-host", { on: { host: web }, authToken: hostToken.value, clients: [api] });
export default system("fx", {
  region: "eu-central-1",
  resources: [main, web, api, db, managed, onHost, generated, fromSsm, fromSm, dbPassword, cacheToken, hostToken],
  outputs: { db: db.endpoint, token_arn: generated.arn },
});`;

type Files = Map<string, string>;
const text = (contents: string | Uint8Array) => (typeof contents === "string" ? contents : Buffer.from(contents).toString("latin1"));

function compiled(file: string): Files {
  const files = new Map(compile({ file, cwd: path.dirname(file) }).artefacts.map((a) => [a.path, text(a.contents)]));
  // The HCL form of the same configuration (--hcl: terraform/*.tf beside main.tf.json) is searched too.
  for (const a of compile({ file, cwd: path.dirname(file), targets: ["terraform"], hcl: true }).artefacts) files.set(a.path, text(a.contents));
  return files;
}

const saved: Record<string, string | undefined> = {};
const systems = new Map<string, Files>();

beforeAll(() => {
  for (const [name, value] of Object.entries(canaries)) {
    saved[name] = process.env[name];
    process.env[name] = value;
  }
  const fixture = dataSystem(everySecretForm);
  // Local secret files an author keeps beside the app: never copied into a build context.
  writeFileSync(path.join(path.dirname(fixture), "app", ".env"), `API_TOKEN=${canaries.API_TOKEN}\n`);
  writeFileSync(path.join(path.dirname(fixture), "app", ".env.production"), `DB_PASSWORD=${canaries.NOROS_DB_PASSWORD}\n`);
  systems.set("every secret form", compiled(fixture));
  for (const example of examples()) systems.set(example.name, compiled(example.file));
}, 120_000);

afterAll(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

/** Every string in a JSON value with its path: `resource.aws_instance.web.user_data`. */
function strings(value: unknown, at = ""): Array<[string, string]> {
  if (typeof value === "string") return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}[${i}]`));
  if (value !== null && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => strings(v, at ? `${at}.${k}` : k));
  return [];
}

describe("no secret value in any artefact", () => {
  it("compiles the fixture and every example", () => {
    expect(systems.size).toBe(examples().length + 1);
    const fixture = systems.get("every secret form") as Files;
    // Terraform, the host's NixOS configuration and the service's build context are all searched.
    for (const file of ["terraform/main.tf.json", "nix/web/configuration.nix", "docker/api/Dockerfile", "docker/api/context/health"]) expect(fixture.has(file), file).toBe(true);
  });

  it("contains none of the planted values, in any file of any system", () => {
    const found: string[] = [];
    for (const [system, files] of systems) {
      for (const [file, contents] of files) {
        for (const [name, value] of Object.entries(canaries)) if (contents.includes(value)) found.push(`${system}: ${file} contains ${name}`);
      }
    }
    expect(found).toEqual([]);
    // The fixture's local secret files are not in its build context (which is part of the output).
    expect([...(systems.get("every secret form") as Files).keys()].filter((f) => f.includes(".env"))).toEqual([]);
  });

  it("hands each generated value to exactly the argument that needs it, and the master password only to the provider", () => {
    const allowed = [
      /^resource\.aws_secretsmanager_secret_version\.[^.]+\.secret_string$/,
      /^resource\.postgresql_role\.[^.]+\.password$/,
      /^resource\.aws_elasticache_replication_group\.[^.]+\.auth_token$/,
    ];
    for (const [system, files] of systems) {
      const doc = JSON.parse(files.get("terraform/main.tf.json") as string) as unknown;
      for (const [at, value] of strings(doc)) {
        if (/random_password\.[^.]+\.result/.test(value)) expect(allowed.some((p) => p.test(at)), `${system}: ${at}`).toBe(true);
        if (value.includes("data.aws_secretsmanager_secret_version.")) expect(at, system).toMatch(/^provider\.postgresql\[\d+\]\.password$/);
      }
      // Only RDS's own master secret is ever read into the state; an existing secret's value never is.
      const data = (doc as { data?: Record<string, Record<string, { secret_id?: string }>> }).data ?? {};
      expect(data).not.toHaveProperty("aws_ssm_parameter");
      for (const [name, body] of Object.entries(data.aws_secretsmanager_secret_version ?? {})) expect(body.secret_id, `${system}: ${name}`).toMatch(/master_user_secret\[0\]\.secret_arn/);
      for (const [file, contents] of files) {
        // The HCL files are the same configuration (tests/hcl-output.test.ts proves them equal to the JSON).
        if (file !== "terraform/main.tf.json" && !/^terraform\/[^/]+\.tf$/.test(file)) expect(contents, `${system}: ${file}`).not.toMatch(/random_password|master_user_secret/);
      }
    }
  });

  it("puts secrets into containers by ARN only", () => {
    const doc = JSON.parse(systems.get("every secret form")?.get("terraform/main.tf.json") as string) as { resource: Record<string, Record<string, { container_definitions: string }>> };
    const [container] = JSON.parse(doc.resource.aws_ecs_task_definition?.api?.container_definitions as string) as Array<{ secrets: Array<{ valueFrom: string }> }>;
    expect(container?.secrets.map((s) => s.valueFrom)).toEqual(["${local.generated_secret_arn}", "${local.db-password_secret_arn}", "${local.from-sm_secret_arn}", "${local.from-ssm_secret_arn}"]);
  });
});
