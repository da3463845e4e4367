import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { everything, nested, TerraformView, type Block, type PolicyStatement } from "../compiler/policy/view.js";
import { repoRoot } from "./helpers/cli.js";
import { examples } from "./helpers/examples.js";

/**
 * Least privilege, checked on every example: for each principal of its Terraform (aws_iam_role,
 * aws_iam_user, aws_iam_group), every statement it is granted, and every managed policy attached to
 * it. The listing is a reviewed golden file, tests/golden-iam/<example>.txt (not under
 * tests/golden/<example>/, which is compared file by file with the compile output); after an intended
 * change, regenerate with `UPDATE_GOLDEN=1 npx vitest run tests/iam-least-privilege.test.ts` and
 * review the diff: a new grant is a new permission in production.
 *
 * Format, one block per principal, in address order:
 *
 *   principal aws_iam_role.reader
 *     assumed by Service:ec2.amazonaws.com
 *     allow s3:GetObject on ${aws_s3_bucket.texts.arn}/* [from aws_iam_role_policy.reader_grants]
 *     managed arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore
 *
 * `assumed by` (roles: who the trust policy lets in) and `member of` (users: their groups, whose
 * grants they hold) are there for the reviewer; `deny` lines are listed like `allow` lines.
 *
 * Asserted on top: no Allow statement has "*" among its actions and "*" among its resources
 * (NOROS-IAM-001), no action is a whole service ("s3:*", NOROS-IAM-003) or a bare "*", every grant
 * names a principal the document defines, and every managed policy is an AWS-managed one from the
 * allow-list below; PowerUserAccess only where the system asks for it (url-checker's CI apply role).
 */

/** AWS managed policies noros attaches, by what needs them. */
const MANAGED_ALLOWED = new Set([
  // Every host's instance role: Session Manager instead of SSH.
  "AmazonSSMManagedInstanceCore",
  // Snapshot schedules: the Data Lifecycle Manager's service role.
  "service-role/AWSDataLifecycleManagerServiceRole",
  // EKS: the cluster role, the node role, the EBS CSI driver's role.
  "AmazonEKSClusterPolicy",
  "AmazonEKSWorkerNodePolicy",
  "AmazonEKS_CNI_Policy",
  "AmazonEC2ContainerRegistryReadOnly",
  "service-role/AmazonEBSCSIDriverPolicy",
]);
/** Broader managed policies, each only on the principals named here. */
const MANAGED_BROAD: Record<string, readonly string[]> = {
  // The CI role that runs `terraform apply` for url-checker's pipeline; everything but IAM/Organizations.
  PowerUserAccess: ["url-checker aws_iam_role.ci_apply"],
};
const AWS_MANAGED = /^arn:(?:aws[\w-]*|\$\{data\.aws_partition\.current\.partition\}):iam::aws:policy\/(.+)$/;

const PRINCIPAL_TYPES = ["aws_iam_role", "aws_iam_user", "aws_iam_group"] as const;
type PrincipalType = (typeof PRINCIPAL_TYPES)[number];
const KIND: Record<PrincipalType, "role" | "user" | "group"> = { aws_iam_role: "role", aws_iam_user: "user", aws_iam_group: "group" };

interface Granted {
  readonly statement: PolicyStatement;
  readonly from: string;
}
interface Principal {
  readonly address: string;
  readonly statements: Granted[];
  readonly managed: Array<{ arn: string; from: string }>;
  readonly trust: PolicyStatement[];
  readonly groups: string[];
}

/** The principal addresses of `type` a value refers to, by reference or by literal name. */
function principalsNamed(view: TerraformView, value: unknown, type: PrincipalType): string[] {
  return view.referenced(value, type, "name").map((b) => b.address);
}

function grantsOf(document: Record<string, unknown>): { principals: Map<string, Principal>; unresolved: string[] } {
  const view = new TerraformView(document);
  const principals = new Map<string, Principal>();
  for (const type of PRINCIPAL_TYPES)
    for (const block of view.resources(type))
      principals.set(block.address, {
        address: block.address,
        statements: [],
        managed: [],
        trust: type === "aws_iam_role" ? view.policyStatements(block.body.assume_role_policy, []) : [],
        groups: [],
      });
  const unresolved: string[] = [];
  const addTo = (addresses: string[], from: Block, add: (p: Principal) => void) => {
    if (addresses.length === 0) unresolved.push(`${from.address} names no principal of this document`);
    for (const address of addresses) add(principals.get(address) as Principal);
  };
  const statementsOf = (value: unknown, from: Block): PolicyStatement[] => {
    const statements = view.policyStatements(value, []);
    if (statements.length === 0) unresolved.push(`${from.address}: its policy ${JSON.stringify(value)} could not be read`);
    return statements;
  };

  // Inline policies.
  for (const type of PRINCIPAL_TYPES) {
    const kind = KIND[type];
    for (const policy of view.resources(`${type}_policy`)) {
      const statements = statementsOf(policy.body.policy, policy);
      addTo(principalsNamed(view, policy.body[kind], type), policy, (p) => p.statements.push(...statements.map((statement) => ({ statement, from: policy.address }))));
    }
  }
  // Roles' own inline_policy blocks and managed_policy_arns (noros writes neither today; read them if it does).
  for (const role of view.resources("aws_iam_role")) {
    const principal = principals.get(role.address) as Principal;
    for (const inline of nested(role.body, "inline_policy")) principal.statements.push(...statementsOf(inline.body.policy, role).map((statement) => ({ statement, from: role.address })));
    const arns = Array.isArray(role.body.managed_policy_arns) ? role.body.managed_policy_arns : [];
    for (const arn of arns) principal.managed.push({ arn: String(arn), from: role.address });
  }
  // Attached policies: a customer managed aws_iam_policy (its statements) or an AWS managed one (its ARN).
  const attach = (attachment: Block, principalAddresses: string[]) => {
    const arn = attachment.body.policy_arn;
    const customer = view.referenced(arn, "aws_iam_policy", "arn")[0];
    if (customer) {
      const statements = statementsOf(customer.body.policy, customer);
      addTo(principalAddresses, attachment, (p) => p.statements.push(...statements.map((statement) => ({ statement, from: `${customer.address} via ${attachment.address}` }))));
    } else addTo(principalAddresses, attachment, (p) => p.managed.push({ arn: String(arn), from: attachment.address }));
  };
  for (const type of PRINCIPAL_TYPES)
    for (const attachment of view.resources(`${type}_policy_attachment`)) attach(attachment, principalsNamed(view, attachment.body[KIND[type]], type));
  for (const attachment of view.resources("aws_iam_policy_attachment"))
    attach(attachment, [
      ...principalsNamed(view, attachment.body.roles, "aws_iam_role"),
      ...principalsNamed(view, attachment.body.users, "aws_iam_user"),
      ...principalsNamed(view, attachment.body.groups, "aws_iam_group"),
    ]);
  // Group memberships: a user holds its groups' grants.
  for (const membership of view.resources("aws_iam_user_group_membership")) {
    const groups = principalsNamed(view, membership.body.groups, "aws_iam_group");
    addTo(principalsNamed(view, membership.body.user, "aws_iam_user"), membership, (p) => p.groups.push(...groups));
  }
  for (const membership of view.resources("aws_iam_group_membership")) {
    const groups = principalsNamed(view, membership.body.group, "aws_iam_group");
    addTo(principalsNamed(view, membership.body.users, "aws_iam_user"), membership, (p) => p.groups.push(...groups));
  }
  return { principals, unresolved };
}

const conditionText = (s: PolicyStatement) => s.conditions.map((c) => `${c.test} ${c.variable} ${c.values.join(", ")}`).join(" and ");
const what = (s: PolicyStatement) =>
  `${s.actions.length > 0 ? s.actions.join(", ") : `every action but ${s.notActions.join(", ")}`} on ${s.resources.length > 0 ? s.resources.join(", ") : "(no resource)"}`;

function listing(principals: Map<string, Principal>): string {
  const blocks = [...principals.values()].map((p) => {
    const lines = [`principal ${p.address}`];
    for (const t of p.trust) lines.push(`  ${t.effect === "Deny" ? "not assumed" : "assumed"} by ${t.principals.join(", ")}${t.conditions.length > 0 ? ` if ${conditionText(t)}` : ""}`);
    for (const g of [...new Set(p.groups)].sort()) lines.push(`  member of ${g}`);
    for (const { statement: s, from } of p.statements)
      lines.push(`  ${s.effect === "Deny" ? "deny" : "allow"} ${what(s)}${s.conditions.length > 0 ? ` if ${conditionText(s)}` : ""} [from ${from}]`);
    for (const { arn } of p.managed) lines.push(`  managed ${arn}`);
    if (p.statements.length === 0 && p.managed.length === 0 && p.groups.length === 0) lines.push("  (nothing granted)");
    return lines.join("\n");
  });
  return blocks.length === 0 ? "(no IAM principal)\n" : `${blocks.join("\n\n")}\n`;
}

const compiled = examples().map((example) => {
  const result = compile({ file: example.file, cwd: example.dir, targets: ["terraform"] });
  const main = result.artefacts.find((a) => a.path === "terraform/main.tf.json");
  if (!main) throw new Error(`${example.name}: no terraform/main.tf.json`);
  const document = JSON.parse(String(main.contents)) as Record<string, unknown>;
  return { name: example.name, ...grantsOf(document) };
});

describe("IAM grants of every example", () => {
  it.each(compiled.map((c) => [c.name, c] as const))("%s: the reviewed listing per principal", (name, { principals, unresolved }) => {
    expect(unresolved).toEqual([]);
    const actual = listing(principals);
    const golden = path.join(repoRoot, "tests", "golden-iam", `${name}.txt`);
    if (process.env.UPDATE_GOLDEN === "1") {
      mkdirSync(path.dirname(golden), { recursive: true });
      writeFileSync(golden, actual);
    }
    expect(existsSync(golden), `${golden} is missing: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
    expect(actual).toBe(readFileSync(golden, "utf8"));
  });

  it.each(compiled.map((c) => [c.name, c] as const))("%s: no statement allows \"*\" on \"*\", a whole service, or every action", (_name, { principals }) => {
    const allows = [...principals.values()].flatMap((p) => p.statements.filter((g) => g.statement.effect === "Allow").map((g) => ({ principal: p.address, ...g })));
    expect(allows.filter(({ statement: s }) => everything(s.actions) && everything(s.resources)).map((g) => `${g.principal} ${g.from}`)).toEqual([]);
    expect(allows.flatMap(({ principal, statement: s }) => s.actions.filter((a) => a === "*" || /^[\w-]+:\*$/.test(a)).map((a) => `${principal} ${a}`))).toEqual([]);
    // NotAction in an Allow grants everything else: never written.
    expect(allows.filter(({ statement: s }) => s.notActions.length > 0).map((g) => `${g.principal} ${g.from}`)).toEqual([]);
  });

  it.each(compiled.map((c) => [c.name, c] as const))("%s: only allow-listed AWS managed policies, the broad ones only where expected", (name, { principals }) => {
    for (const p of principals.values())
      for (const { arn, from } of p.managed) {
        const policy = AWS_MANAGED.exec(arn)?.[1];
        expect(policy, `${p.address}: ${arn} (${from}) is not an AWS managed policy`).toBeDefined();
        if (MANAGED_ALLOWED.has(policy as string)) continue;
        expect(MANAGED_BROAD[policy as string] ?? [], `${p.address}: ${arn} (${from}) is not on the allow-list`).toContain(`${name} ${p.address}`);
      }
  });

  it("PowerUserAccess is attached exactly once across the examples, to url-checker's CI apply role", () => {
    const holders = compiled.flatMap((c) => [...c.principals.values()].filter((p) => p.managed.some((m) => m.arn.endsWith(":iam::aws:policy/PowerUserAccess"))).map((p) => `${c.name} ${p.address}`));
    expect(holders).toEqual(["url-checker aws_iam_role.ci_apply"]);
    const ciApply = compiled.find((c) => c.name === "url-checker")?.principals.get("aws_iam_role.ci_apply");
    expect(ciApply?.managed.map((m) => m.arn)).toEqual(["arn:${data.aws_partition.current.partition}:iam::aws:policy/PowerUserAccess"]);
  });
});

describe("the grants lister", () => {
  // No example writes a customer managed policy or a literal JSON policy: a document of its own shows the lister reads them.
  it("resolves customer managed policies, attachments of every kind, literal JSON policies and group memberships", () => {
    const document = {
      data: { aws_iam_policy_document: { read: { statement: [{ effect: "Allow", actions: ["s3:GetObject"], resources: ["${aws_s3_bucket.b.arn}/*"], condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["true"] }] }] } } },
      resource: {
        aws_iam_role: { r: { name: "r", assume_role_policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "ec2.amazonaws.com" } }] }) } },
        aws_iam_user: { u: { name: "u" } },
        aws_iam_group: { g: { name: "g" } },
        aws_iam_policy: { read: { policy: "${data.aws_iam_policy_document.read.json}" } },
        aws_iam_role_policy_attachment: { r_read: { role: "${aws_iam_role.r.name}", policy_arn: "${aws_iam_policy.read.arn}" } },
        aws_iam_policy_attachment: { ssm: { name: "ssm", roles: ["${aws_iam_role.r.name}"], groups: ["g"], policy_arn: "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore" } },
        aws_iam_user_policy: { u: { user: "${aws_iam_user.u.name}", policy: JSON.stringify({ Statement: [{ Effect: "Deny", Action: ["s3:DeleteObject"], Resource: "*" }] }) } },
        aws_iam_user_group_membership: { u: { user: "${aws_iam_user.u.name}", groups: ["${aws_iam_group.g.name}"] } },
      },
    };
    const { principals, unresolved } = grantsOf(document);
    expect(unresolved).toEqual([]);
    expect(listing(principals)).toBe(
      [
        "principal aws_iam_role.r",
        "  assumed by Service:ec2.amazonaws.com",
        "  allow s3:GetObject on ${aws_s3_bucket.b.arn}/* if Bool aws:SecureTransport true [from aws_iam_policy.read via aws_iam_role_policy_attachment.r_read]",
        "  managed arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
        "",
        "principal aws_iam_user.u",
        "  member of aws_iam_group.g",
        "  deny s3:DeleteObject on * [from aws_iam_user_policy.u]",
        "",
        "principal aws_iam_group.g",
        "  managed arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
        "",
      ].join("\n"),
    );
  });

  it("reports a policy it cannot read, and one that names no principal", () => {
    const { unresolved } = grantsOf({ resource: { aws_iam_role_policy: { x: { role: "${aws_iam_role.gone.id}", policy: '${jsonencode({Statement = []})}' } } } });
    expect(unresolved).toEqual([
      'aws_iam_role_policy.x: its policy "${jsonencode({Statement = []})}" could not be read',
      "aws_iam_role_policy.x names no principal of this document",
    ]);
  });
});
