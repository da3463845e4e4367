import { describe, expect, it } from "vitest";
import { compileData, dataProblems, NET, statements } from "./helpers/data-system.js";

const system = (key: string, extra = "", resources = "") => `${NET}
const web = host("web", { network: main });
${key}
${extra}
export default system("x", { region: "eu-central-1", resources: [main, web, key${resources}] });`;

describe("kmsKey", () => {
  it("is a customer-managed key with yearly rotation, the longest deletion window and an alias", () => {
    const { doc } = compileData(system('const key = kmsKey("secrets", { description: "x secrets" });'));
    expect(doc.resource.aws_kms_key?.secrets).toMatchObject({
      description: "x secrets",
      enable_key_rotation: true,
      rotation_period_in_days: 365,
      deletion_window_in_days: 30,
      policy: "${data.aws_iam_policy_document.secrets_key_policy.json}",
    });
    expect(doc.resource.aws_kms_alias?.secrets).toEqual({ name: "alias/${var.name_prefix}-secrets", target_key_id: "${aws_kms_key.secrets.key_id}" });
    expect(doc.output.secrets_arn?.value).toBe("${aws_kms_key.secrets.arn}");
  });

  it("lets the account administer the key but not use it, and nobody else anything, when nothing uses it", () => {
    const { doc } = compileData(system('const key = kmsKey("secrets");'));
    const policy = statements(doc, "secrets_key_policy");
    expect(policy.map((s) => s.sid)).toEqual(["AccountAdministersKey"]);
    const [admin] = policy;
    expect(admin?.principals).toEqual([{ type: "AWS", identifiers: ["arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"] }]);
    // PutKeyPolicy (in kms:Put*) stays with the account: the key can never be locked out.
    expect(admin?.actions).toContain("kms:Put*");
    for (const use of ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:*", "kms:ReEncrypt*"]) expect(admin?.actions).not.toContain(use);
  });

  it("grants use to its declared users only, in the key policy and in their own policies", () => {
    const { doc } = compileData(system('const key = kmsKey("secrets", { users: [web] });'));
    const users = statements(doc, "secrets_key_policy").find((s) => s.sid === "DeclaredUsersUseKey");
    expect(users?.principals).toEqual([{ type: "AWS", identifiers: ["${aws_iam_role.web.arn}"] }]);
    expect(users?.actions).toEqual(["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey"]);
    expect(statements(doc, "web_grants")).toEqual([
      { sid: "UseSecretsKey", effect: "Allow", actions: ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey"], resources: ["${aws_kms_key.secrets.arn}"] },
    ]);
  });

  it("lets readers of the secrets it encrypts decrypt through Secrets Manager only, and the deployer write them", () => {
    const { doc } = compileData(
      system('const key = kmsKey("secrets");', 'const token = secret("token", { generate: {}, kmsKey: key, readers: [web] });', ", token"),
    );
    const policy = statements(doc, "secrets_key_policy");
    expect(policy.map((s) => s.sid)).toEqual(["AccountAdministersKey", "DeployerWritesSecrets", "ReadersDecryptSecrets"]);
    const readers = policy.find((s) => s.sid === "ReadersDecryptSecrets");
    expect(readers).toMatchObject({
      actions: ["kms:Decrypt"],
      principals: [{ type: "AWS", identifiers: ["${aws_iam_role.web.arn}"] }],
      condition: [{ test: "StringEquals", variable: "kms:ViaService", values: ["secretsmanager.eu-central-1.amazonaws.com"] }],
    });
    const deployer = policy.find((s) => s.sid === "DeployerWritesSecrets");
    expect(deployer?.principals).toEqual([{ type: "AWS", identifiers: ["${data.aws_iam_session_context.deployer.issuer_arn}"] }]);
    expect(deployer?.condition?.[0]?.values).toEqual(["secretsmanager.eu-central-1.amazonaws.com"]);
    expect(doc.data.aws_iam_session_context?.deployer).toEqual({ arn: "${data.aws_caller_identity.current.arn}" });
  });

  it("needs no deployer statement for an existing secret it only decrypts", () => {
    const { doc } = compileData(
      system('const key = kmsKey("secrets");', 'const token = secret("token", { ssmParameter: "/x/token", kmsKey: key, readers: [web] });', ", token"),
    );
    const policy = statements(doc, "secrets_key_policy");
    expect(policy.map((s) => s.sid)).toEqual(["AccountAdministersKey", "ReadersDecryptParameters"]);
    expect(policy[1]?.condition?.[0]?.values).toEqual(["ssm.eu-central-1.amazonaws.com"]);
  });

  it("refuses a deletion window KMS does not accept (NOROS2105) and a group as a key user (NOROS2010)", () => {
    expect(dataProblems(system('const key = kmsKey("secrets", { deletionWindowDays: 3 });'))).toEqual([
      expect.stringMatching(/^NOROS2105 4:33 kms-key "secrets": deletionWindowDays: a deletion window of 3 days is not accepted/),
    ]);
    expect(dataProblems(system('const key = kmsKey("secrets", { users: [group("admins") as never] });'))).toEqual([expect.stringMatching(/^NOROS2010 4:41 kms-key "secrets": users.0: expected a host or a user or a service here, found the group "admins"/)]);
  });
});
