/**
 * Read-only helpers over a lowered Terraform JSON document, for policy rules: blocks by type, nested
 * blocks in either JSON form, references between blocks, and IAM statements wherever a policy is
 * written (an aws_iam_policy_document data source, or a literal JSON policy string).
 */
export type Body = Readonly<Record<string, unknown>>;

export interface Block {
  readonly type: string;
  readonly name: string;
  /** "aws_s3_bucket.site" or "data.aws_iam_policy_document.site_bucket". */
  readonly address: string;
  readonly body: Body;
}

/** One IAM statement, normalised from either form. `path` locates it inside its block. */
export interface PolicyStatement {
  readonly effect: "Allow" | "Deny";
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
  readonly resources: readonly string[];
  /** `"*"` stands for "everyone" (Principal "*" or {AWS: "*"}). */
  readonly principals: readonly string[];
  readonly conditions: ReadonlyArray<{ readonly test: string; readonly variable: string; readonly values: readonly string[] }>;
  readonly path: readonly string[];
}

const isObject = (value: unknown): value is Body => typeof value === "object" && value !== null && !Array.isArray(value);
const sortedEntries = <T>(record: Readonly<Record<string, T>>) => Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const strings = (value: unknown): string[] => (typeof value === "string" ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

/** A boolean argument as Terraform reads it (JSON allows "true"/"false" strings too); undefined if unset or an expression. */
export function bool(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (value === "true") return true;
  if (value === "false") return false;
  return undefined;
}

export function num(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^-?\d+$/.test(value)) return Number(value);
  return undefined;
}

/** Whether a string is an interpolation or template: its value is known only to Terraform. */
export const isExpression = (value: unknown): boolean => typeof value === "string" && /(^|[^$])\$\{/.test(value);

/** A nested block in Terraform JSON is an object or a list of objects; each with its path. */
export function nested(body: Body | undefined, key: string): Array<{ body: Body; path: string[] }> {
  const value = body?.[key];
  if (isObject(value)) return [{ body: value, path: [key] }];
  if (Array.isArray(value)) return value.flatMap((item, index) => (isObject(item) ? [{ body: item, path: [key, String(index)] }] : []));
  return [];
}

/** The first nested block of that name, if any. */
export const first = (body: Body | undefined, key: string): Body | undefined => nested(body, key)[0]?.body;

/** Whether a value anywhere mentions the Terraform address (`${aws_s3_bucket.site.id}`). */
export function mentions(value: unknown, address: string): boolean {
  const pattern = new RegExp(`\\$\\{[^}]*(?<![\\w.])${escape(address)}(?![\\w-])`);
  const search = (v: unknown): boolean =>
    typeof v === "string" ? pattern.test(v) : Array.isArray(v) ? v.some(search) : isObject(v) ? Object.values(v).some(search) : false;
  return search(value);
}

function statementsFromDocument(body: Body, path: readonly string[]): PolicyStatement[] {
  return nested(body, "statement").map(({ body: s, path: at }) => {
    const principals = nested(s, "principals").flatMap(({ body: p }) => {
      const ids = strings(p.identifiers);
      return ids.map((id) => (id === "*" && (p.type === "*" || p.type === "AWS") ? "*" : `${String(p.type)}:${id}`));
    });
    return {
      effect: s.effect === "Deny" ? "Deny" : "Allow",
      actions: strings(s.actions),
      notActions: strings(s.not_actions),
      resources: strings(s.resources),
      principals,
      conditions: nested(s, "condition").map(({ body: c }) => ({ test: String(c.test), variable: String(c.variable), values: strings(c.values) })),
      path: [...path, ...at],
    };
  });
}

function statementsFromJson(json: Body, path: readonly string[]): PolicyStatement[] {
  const raw = json.Statement;
  const list = Array.isArray(raw) ? raw : isObject(raw) ? [raw] : [];
  return list.flatMap((s, index) => {
    if (!isObject(s)) return [];
    const principal = s.Principal;
    const principals = principal === "*" ? ["*"] : isObject(principal) ? sortedEntries(principal).flatMap(([type, ids]) => strings(ids).map((id) => (id === "*" && type === "AWS" ? "*" : `${type}:${id}`))) : [];
    const conditions = isObject(s.Condition)
      ? sortedEntries(s.Condition).flatMap(([test, byVariable]) => (isObject(byVariable) ? sortedEntries(byVariable).map(([variable, values]) => ({ test, variable, values: strings(values).concat(typeof values === "boolean" ? [String(values)] : []) })) : []))
      : [];
    return [{
      effect: s.Effect === "Deny" ? ("Deny" as const) : ("Allow" as const),
      actions: strings(s.Action),
      notActions: strings(s.NotAction),
      resources: strings(s.Resource),
      principals,
      conditions,
      path: [...path, ...(Array.isArray(raw) ? [String(index)] : [])],
    }];
  });
}

export class TerraformView {
  private readonly resourceTable: Readonly<Record<string, Readonly<Record<string, Body>>>>;
  private readonly dataTable: Readonly<Record<string, Readonly<Record<string, Body>>>>;

  constructor(document: Readonly<Record<string, unknown>>) {
    this.resourceTable = (isObject(document.resource) ? document.resource : {}) as never;
    this.dataTable = (isObject(document.data) ? document.data : {}) as never;
  }

  /** Every resource of these types, in address order. */
  resources(...types: string[]): Block[] {
    return types.flatMap((type) =>
      sortedEntries(this.resourceTable[type] ?? {}).flatMap(([name, body]) => (isObject(body) ? [{ type, name, address: `${type}.${name}`, body }] : [])),
    );
  }

  data(type: string): Block[] {
    return sortedEntries(this.dataTable[type] ?? {}).flatMap(([name, body]) => (isObject(body) ? [{ type, name, address: `data.${type}.${name}`, body }] : []));
  }

  /**
   * The resources of `type` whose `attribute` names `target`: by reference (`${aws_s3_bucket.site.id}`)
   * or by the same literal value of `targetAttribute` (a bucket written by its name).
   */
  attachedTo(type: string, attribute: string, target: Block, targetAttribute?: string): Block[] {
    const literalName = targetAttribute ? target.body[targetAttribute] : undefined;
    return this.resources(type).filter((candidate) => {
      const value = candidate.body[attribute];
      if (mentions(value, target.address)) return true;
      return typeof literalName === "string" && !isExpression(literalName) && value === literalName;
    });
  }

  /**
   * The IAM statements of a policy argument: a reference to an aws_iam_policy_document's json, or a
   * literal JSON policy. Anything else (jsonencode(...), a file) is not known here and yields none.
   */
  policyStatements(value: unknown, path: readonly string[]): PolicyStatement[] {
    if (typeof value !== "string") return [];
    const reference = /^\$\{data\.aws_iam_policy_document\.([\w-]+)\.json\}$/.exec(value);
    if (reference) {
      const document = this.dataTable.aws_iam_policy_document?.[reference[1] as string];
      return isObject(document) ? statementsFromDocument(document, path) : [];
    }
    if (isExpression(value)) return [];
    try {
      const parsed: unknown = JSON.parse(value);
      return isObject(parsed) ? statementsFromJson(parsed, path) : [];
    } catch {
      return [];
    }
  }

  /** Statements written directly in an aws_iam_policy_document data source. */
  documentStatements(block: Block): PolicyStatement[] {
    return statementsFromDocument(block.body, []);
  }
}

/** Whether a list of IAM patterns matches everything (`*`). */
export const everything = (patterns: readonly string[]): boolean => patterns.some((p) => p === "*" || p === "*:*");

/** An Allow statement open to everyone without a condition narrowing it. */
export const publicAllow = (s: PolicyStatement): boolean => s.effect === "Allow" && s.principals.includes("*") && s.conditions.length === 0;

/** Environment variable names that hold credentials; their values must come from a secret store. */
export const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|AUTH_DATA|CREDENTIAL)/i;

/** A credential-named variable with a literal, non-empty value (a reference such as `${aws_secretsmanager_secret.x.arn}` is fine). */
export const plainSecret = (name: string, value: unknown): boolean => SECRET_NAME.test(name) && typeof value === "string" && value !== "" && value !== "''" && !isExpression(value);
