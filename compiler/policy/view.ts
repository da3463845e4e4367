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
  return referencedAddresses(value).has(address);
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

/** The addresses an interpolation names: `${aws_s3_bucket.site.id}` names aws_s3_bucket.site, `${data.x.y.json}` data.x.y. */
const REFERENCE = /(?<![\w.-])((?:data\.)?[A-Za-z][\w]*\.[\w-]+)/g;
function referencedAddresses(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === "string") {
    if (!value.includes("${")) return into;
    for (const [, inner] of value.matchAll(/\$\{([^}]*)\}/g)) for (const [, address] of (inner as string).matchAll(REFERENCE)) into.add(address as string);
  } else if (Array.isArray(value)) value.forEach((v) => referencedAddresses(v, into));
  else if (isObject(value)) Object.values(value).forEach((v) => referencedAddresses(v, into));
  return into;
}

/** Adds to a list in place: 10,000 subnets name one VPC, and a copy per addition would be quadratic. */
function append<K, V>(lists: Map<K, V[]>, key: K, value: V): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}

const byAddress = (a: Block, b: Block) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0);

/**
 * The document as rules read it. Blocks by type, and the blocks attached to another, are looked up
 * through indexes built once per view: a system of 10,000 units has tens of thousands of buckets'
 * companion blocks, and a scan per bucket would make the policy quadratic.
 */
export class TerraformView {
  private readonly resourceTable: Readonly<Record<string, Readonly<Record<string, Body>>>>;
  private readonly dataTable: Readonly<Record<string, Readonly<Record<string, Body>>>>;
  private readonly localTable: Body;
  private readonly variableTable: Body;
  private readonly byType = new Map<string, Block[]>();
  private readonly attachments = new Map<string, { byReference: Map<string, Block[]>; byLiteral: Map<string, Block[]> }>();
  private readonly memos = new Map<string, unknown>();
  private readonly templates = new WeakMap<Body, Block | null>();
  private readonly statementsOf = new Map<string, PolicyStatement[]>();

  constructor(document: Readonly<Record<string, unknown>>) {
    this.resourceTable = (isObject(document.resource) ? document.resource : {}) as never;
    this.dataTable = (isObject(document.data) ? document.data : {}) as never;
    this.localTable = isObject(document.locals) ? document.locals : {};
    this.variableTable = isObject(document.variable) ? document.variable : {};
  }

  /** What `compute` returns, computed once per view: for what several rules derive from the whole document. */
  memo<T>(key: string, compute: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, compute());
    return this.memos.get(key) as T;
  }

  /** A Terraform variable's default: what the configuration does unless a deployment sets it. */
  variableDefault(name: string): unknown {
    const variable = this.variableTable[name];
    return isObject(variable) ? variable.default : undefined;
  }

  /** Every resource of these types, in address order (per type). */
  resources(...types: string[]): Block[] {
    return types.length === 1 ? this.resourcesOf(types[0] as string) : types.flatMap((type) => this.resourcesOf(type));
  }

  private resourcesOf(type: string): Block[] {
    let blocks = this.byType.get(type);
    if (!blocks) {
      blocks = sortedEntries(this.resourceTable[type] ?? {}).flatMap(([name, body]) => (isObject(body) ? [{ type, name, address: `${type}.${name}`, body }] : []));
      this.byType.set(type, blocks);
    }
    return blocks;
  }

  data(type: string): Block[] {
    return sortedEntries(this.dataTable[type] ?? {}).flatMap(([name, body]) => (isObject(body) ? [{ type, name, address: `data.${type}.${name}`, body }] : []));
  }

  /**
   * The resources of `type` whose `attribute` names `target`: by reference (`${aws_s3_bucket.site.id}`)
   * or by the same literal value of `targetAttribute` (a bucket written by its name). In address order.
   */
  attachedTo(type: string, attribute: string, target: Block, targetAttribute?: string): Block[] {
    const key = `${type}\u0000${attribute}`;
    let index = this.attachments.get(key);
    if (!index) {
      index = { byReference: new Map(), byLiteral: new Map() };
      for (const candidate of this.resourcesOf(type)) {
        const value = candidate.body[attribute];
        for (const address of referencedAddresses(value)) append(index.byReference, address, candidate);
        if (typeof value === "string" && !isExpression(value)) append(index.byLiteral, value, candidate);
      }
      this.attachments.set(key, index);
    }
    const referencing = index.byReference.get(target.address) ?? [];
    const literalName = targetAttribute ? target.body[targetAttribute] : undefined;
    const named = typeof literalName === "string" && !isExpression(literalName) ? (index.byLiteral.get(literalName) ?? []) : [];
    if (named.length === 0) return referencing;
    if (referencing.length === 0) return named;
    return [...new Set([...referencing, ...named])].sort(byAddress);
  }

  /**
   * A value with a local followed: `${local.x}` (or `${base64encode(local.x)}`, as user data is
   * written) is the value of local x; anything else is itself.
   */
  followLocal(value: unknown): unknown {
    if (typeof value !== "string") return value;
    const reference = /^\$\{(?:base64encode\()?local\.([\w-]+)\)?\}$/.exec(value);
    return reference && Object.hasOwn(this.localTable, reference[1] as string) ? this.localTable[reference[1] as string] : value;
  }

  /**
   * The aws_launch_template of this document that a block launches from (`launch_template { id =
   * "${aws_launch_template.x.id}" }`, or by name), if any: an instance takes every setting it does not
   * write itself from it, so the template's rules speak for those settings.
   */
  launchTemplateOf(block: Block): Block | undefined {
    const known = this.templates.get(block.body);
    if (known !== undefined) return known ?? undefined;
    const reference = first(block.body, "launch_template");
    const template = reference ? this.referenced([reference.id, reference.name], "aws_launch_template", "name")[0] : undefined;
    this.templates.set(block.body, template ?? null);
    return template;
  }

  /**
   * The resources of `type` that a value refers to: by reference (`${aws_db_parameter_group.x.name}`),
   * or, when `byAttribute` is given, by that attribute's literal value (a group written by its name).
   */
  referenced(value: unknown, type: string, byAttribute?: string): Block[] {
    const table = this.resourceTable[type] ?? {};
    const found: Block[] = [];
    for (const address of referencedAddresses(value)) {
      const [head, name] = address.split(".");
      if (head === type && name !== undefined && isObject(table[name])) found.push({ type, name, address, body: table[name] });
    }
    if (found.length > 0 || !byAttribute) return found;
    const literals = new Set(strings(value).filter((v) => !isExpression(v)));
    return literals.size === 0 ? [] : this.resourcesOf(type).filter((b) => typeof b.body[byAttribute] === "string" && literals.has(b.body[byAttribute] as string));
  }

  /**
   * The IAM statements of a policy argument: a reference to an aws_iam_policy_document's json, or a
   * literal JSON policy. Anything else (jsonencode(...), a file) is not known here and yields none.
   */
  policyStatements(value: unknown, path: readonly string[]): PolicyStatement[] {
    if (typeof value !== "string") return [];
    // The same policy (a document's reference, a JSON string) is read once, then relocated to `path`.
    const key = value;
    let statements = this.statementsOf.get(key);
    if (!statements) {
      statements = this.readPolicy(value);
      this.statementsOf.set(key, statements);
    }
    return path.length === 0 ? statements : statements.map((s) => ({ ...s, path: [...path, ...s.path] }));
  }

  private readPolicy(value: string): PolicyStatement[] {
    const path: readonly string[] = [];
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

/**
 * Names that point at a credential or describe one without being it: where it is (SECRET_ARN,
 * TOKEN_FILE), what it is called (PASSWORD_PARAMETER_NAME) or a digest of it (API_KEY_HASHES, a
 * service that stores only SHA-256 digests of its keys).
 */
const NOT_A_SECRET = /(_ARN|_ID|_NAME|_FILE|_PATH|_HASH|_HASHES|_SHA256|_DIGEST|_FINGERPRINT)$/i;

/** A credential-named variable with a literal, non-empty value (a reference such as `${aws_secretsmanager_secret.x.arn}` is fine). */
export const plainSecret = (name: string, value: unknown): boolean =>
  SECRET_NAME.test(name) && !NOT_A_SECRET.test(name) && typeof value === "string" && value !== "" && value !== "''" && !isExpression(value);
