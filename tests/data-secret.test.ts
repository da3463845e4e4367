import { describe, expect, it } from "vitest";
import { compileData, dataProblems, NET, statements } from "./helpers/data-system.js";

const web = 'const web = host("web", { network: main });';
const api = (secrets: string, extra = "") =>
  `const api = service("api", { source: "./app", runtime: "static", port: 8080, healthCheck: { path: "/health" }, secrets: { ${secrets} }, run: { on: "ecs", network: main }${extra} });`;

describe("secret", () => {
  it("generated: a random_password stored in Secrets Manager, with the pinned hashicorp/random provider", () => {
    const { doc } = compileData(`${NET}
const token = secret("api-token", { generate: { length: 40 } });
export default system("x", { region: "eu-central-1", resources: [main, token] });`);
    expect(doc.resource.random_password?.["api-token"]).toEqual({ length: 40, special: false, min_lower: 1, min_upper: 1, min_numeric: 1 });
    expect(doc.resource.aws_secretsmanager_secret?.["api-token"]).toMatchObject({ name: "${var.name_prefix}-api-token", recovery_window_in_days: 30 });
    // Without a key, the AWS-managed key of Secrets Manager encrypts it.
    expect(doc.resource.aws_secretsmanager_secret?.["api-token"]).not.toHaveProperty("kms_key_id");
    expect(doc.resource.aws_secretsmanager_secret_version?.["api-token"]).toEqual({ secret_id: "${aws_secretsmanager_secret.api-token.id}", secret_string: "${random_password.api-token.result}" });
    expect(doc.terraform.required_providers.random).toEqual({ source: "hashicorp/random", version: "3.7.2" });
    expect(doc.output["api-token_arn"]?.value).toBe("${local.api-token_secret_arn}");
  });

  it("symbols come from a set every consumer accepts; a key encrypts it when given", () => {
    const { doc } = compileData(`${NET}
const key = kmsKey("k");
const token = secret("t", { generate: { symbols: true }, kmsKey: key, recoveryWindowDays: 0 });
export default system("x", { region: "eu-central-1", resources: [main, token] });`);
    const password = doc.resource.random_password?.t as { special: boolean; override_special: string };
    expect(password.special).toBe(true);
    expect(password.override_special).not.toMatch(/[@"/'$\\ ]/);
    expect(doc.resource.aws_secretsmanager_secret?.t).toMatchObject({ kms_key_id: "${aws_kms_key.k.arn}", recovery_window_in_days: 0 });
  });

  it("existing ones are referred to by ARN, and their values are never read into the plan or the state", () => {
    const { doc } = compileData(`${NET}
const a = secret("a", { ssmParameter: "/shop/api-token" });
const b = secret("b", { secretsManager: "shop/db" });
export default system("x", { region: "eu-central-1", resources: [main, a, b] });`);
    expect(doc.locals["a_secret_arn"]).toBe("arn:${data.aws_partition.current.partition}:ssm:eu-central-1:${data.aws_caller_identity.current.account_id}:parameter/shop/api-token");
    expect(doc.data.aws_secretsmanager_secret?.b).toEqual({ name: "shop/db" });
    expect(doc.locals["b_secret_arn"]).toBe("${data.aws_secretsmanager_secret.b.arn}");
    expect(doc.data).not.toHaveProperty("aws_ssm_parameter");
    expect(doc.data).not.toHaveProperty("aws_secretsmanager_secret_version");
    expect(doc.resource).not.toHaveProperty("random_password");
    expect(doc.terraform.required_providers).not.toHaveProperty("random");
  });

  it("reach an ECS container by valueFrom, with the execution role (not the task role) reading exactly those ARNs", () => {
    const { doc } = compileData(`${NET}
const key = kmsKey("k");
const a = secret("a", { generate: {}, kmsKey: key });
const b = secret("b", { ssmParameter: "/x/b" });
${api("A: a.value, B: b.value")}
export default system("x", { region: "eu-central-1", resources: [main, api, a, b] });`);
    const [container] = JSON.parse(doc.resource.aws_ecs_task_definition?.api?.container_definitions as string) as Array<{ secrets: unknown; environment: Array<{ name: string }> }>;
    expect(container?.secrets).toEqual([{ name: "A", valueFrom: "${local.a_secret_arn}" }, { name: "B", valueFrom: "${local.b_secret_arn}" }]);
    expect(container?.environment.map((e) => e.name)).not.toContain("A");
    const execution = statements(doc, "api_execution").filter((s) => !["EcrLogin", "PullOwnImages", "WriteOwnLogs"].includes(s.sid));
    expect(execution).toEqual([
      { sid: "ReadOwnSecrets", effect: "Allow", actions: ["secretsmanager:GetSecretValue"], resources: ["${local.a_secret_arn}"] },
      { sid: "ReadOwnParameters", effect: "Allow", actions: ["ssm:GetParameters"], resources: ["${local.b_secret_arn}"] },
      { sid: "DecryptOwnSecrets", effect: "Allow", actions: ["kms:Decrypt"], resources: ["${aws_kms_key.k.arn}"] },
    ]);
    // The task itself gets nothing from being handed secrets.
    expect(doc.data.aws_iam_policy_document).not.toHaveProperty("api_grants");
    // The key lets exactly that execution role decrypt, through Secrets Manager.
    const readers = statements(doc, "k_key_policy").find((s) => s.sid === "ReadersDecryptSecrets");
    expect(readers?.principals).toEqual([{ type: "AWS", identifiers: ["${aws_iam_role.api_execution.arn}"] }]);
  });

  it("readers (hosts, users, task roles) get GetSecretValue or GetParameter on that ARN, and Decrypt on its key", () => {
    const { doc } = compileData(`${NET}
${web}
const key = kmsKey("k");
const a = secret("a", { generate: {}, kmsKey: key, readers: [web] });
const b = secret("b", { ssmParameter: "/x/b", readers: [web] });
export default system("x", { region: "eu-central-1", resources: [main, web, a, b] });`);
    expect(statements(doc, "web_grants")).toEqual([
      { sid: "ReadASecret", effect: "Allow", actions: ["secretsmanager:GetSecretValue"], resources: ["${local.a_secret_arn}"] },
      { sid: "DecryptASecret", effect: "Allow", actions: ["kms:Decrypt"], resources: ["${aws_kms_key.k.arn}"] },
      { sid: "ReadBSecret", effect: "Allow", actions: ["ssm:GetParameter"], resources: ["${local.b_secret_arn}"] },
    ]);
  });

  it("a literal string where a secret is expected is a compile error at its position", () => {
    // The type checker sees it first...
    expect(dataProblems(`${NET}\n${api('TOKEN: "hunter2"')}\nexport default system("x", { region: "eu-central-1", resources: [main, api] });`)).toEqual([
      expect.stringMatching(/^NOROS1005 3:\d+ .*Ref<"secret">/),
    ]);
    // ...and the schema, should a cast get past it.
    expect(dataProblems(`${NET}\n${api('TOKEN: "hunter2" as never')}\nexport default system("x", { region: "eu-central-1", resources: [main, api] });`)).toEqual([
      expect.stringMatching(/^NOROS2100 3:\d+ service "api": secrets.TOKEN: a secret is expected here, not a literal string/),
    ]);
  });

  it("its value is refused anywhere it would be written out (NOROS3070)", () => {
    const problems = dataProblems(`${NET}
const t = secret("t", { generate: {} });
const web = host("web", { network: main, environment: { TOKEN: t.value as never } });
export default system("x", { region: "eu-central-1", resources: [main, web, t], outputs: { leak: t.value as never } });`);
    expect(problems).toEqual([
      expect.stringMatching(/^NOROS3070 4:\d+ the value of secret "t" is used in host "web" environment.TOKEN/),
      expect.stringMatching(/^NOROS3070 5:\d+ the value of secret "t" is used in the system's outputs.leak/),
    ]);
  });

  it("refuses bad sources, names and lengths with their own codes", () => {
    const one = (props: string) => dataProblems(`${NET}\nconst t = secret("t", ${props});\nexport default system("x", { region: "eu-central-1", resources: [main, t] });`);
    expect(one("{}")).toEqual([expect.stringMatching(/^NOROS2101 3:\d+ .*exactly one source/)]);
    expect(one('{ generate: {}, ssmParameter: "/a" }')).toEqual([expect.stringMatching(/^NOROS2101 3:\d+ .*found generate and ssmParameter/)]);
    expect(one('{ ssmParameter: "a/b" }')).toEqual([expect.stringMatching(/^NOROS2102 3:\d+ .*"a\/b" is not an SSM parameter name/)]);
    expect(one('{ ssmParameter: "/aws/x" }')).toEqual([expect.stringMatching(/^NOROS2102 /)]);
    expect(one('{ secretsManager: "a b" }')).toEqual([expect.stringMatching(/^NOROS2103 /)]);
    expect(one("{ generate: { length: 8 } }")).toEqual([expect.stringMatching(/^NOROS2104 3:\d+ .*length 8/)]);
    expect(one("{ generate: {}, recoveryWindowDays: 3 }")).toEqual([expect.stringMatching(/^NOROS2106 /)]);
    expect(one('{ ssmParameter: "/a", recoveryWindowDays: 7 }')).toEqual([expect.stringMatching(/^NOROS2101 3:\d+ .*generated secret only/)]);
  });

  it("refuses a reader that has no role (a service not running in the cloud, NOROS3072)", () => {
    const problems = dataProblems(`${NET}
const api = service("api", { source: "./app", runtime: "static", port: 8080, healthCheck: { path: "/health" } });
const t = secret("t", { generate: {}, readers: [api] });
export default system("x", { region: "eu-central-1", resources: [main, api, t] });`);
    expect(problems).toEqual([expect.stringMatching(/^NOROS3072 4:\d+ service "api" is given access to secret "t" but does not run in the cloud/)]);
  });
});
