import { closest } from "../../../compiler/util/closest.js";
import { providerFiles, providerSchema, type AttributeSchema, type BlockSchema, type NestedBlockSchema } from "./provider-schema.js";

/** One mismatch between a Terraform JSON document and the provider schemas. */
export interface SchemaProblem {
  /** `aws_s3_bucket.site`, `data.aws_ami.nixos`, `provider.aws`. */
  readonly address: string;
  /** Where inside the block: `root_block_device[0].encrypted`. Empty for the block itself. */
  readonly path: string;
  readonly message: string;
}

/** A string holding `${...}` is an expression: Terraform decides its type when it is evaluated. */
const isExpression = (value: unknown): boolean => typeof value === "string" && /(^|[^$])\$\{/.test(value);

const providerOf = (type: string): string => type.split("_")[0] ?? type;

/** A collection type's kind and element type (`list(string)`), parsed once per type string. */
const collections = new Map<string, readonly [kind: string, inner: string] | null>();
function collectionOf(type: string): readonly [kind: string, inner: string] | null {
  let parsed = collections.get(type);
  if (parsed === undefined) {
    const match = /^(list|set|map)\((.*)\)$/.exec(type);
    parsed = match ? [match[1] as string, match[2] as string] : null;
    collections.set(type, parsed);
  }
  return parsed;
}

/**
 * Where a value is: its parent's path and its own key. Joined only for a report or a nested value, as
 * nearly every value checked is a well-typed scalar (a 130,000-resource document has millions).
 */
const pathOf = (parent: string, key: string | number): string => (typeof key === "number" ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key);

/** Types of literal values, with Terraform's own conversions ("true" is a bool, "42" a number). */
function checkType(
  type: string,
  value: unknown,
  attribute: AttributeSchema | undefined,
  parent: string,
  key: string | number,
  report: (path: string, message: string) => void,
): void {
  if (value === null || (typeof value === "string" && (type === "string" || isExpression(value)))) return;
  const collection = collectionOf(type);
  if (collection) {
    const [kind, inner] = collection;
    const at = pathOf(parent, key);
    if (kind === "map") {
      if (typeof value !== "object" || Array.isArray(value)) return report(at, `expected a map, found ${describe(value)}`);
      for (const [name, item] of Object.entries(value as Record<string, unknown>)) checkType(inner, item, attribute, at, name, report);
      return;
    }
    if (!Array.isArray(value)) return report(at, `expected a ${kind}, found ${describe(value)}`);
    value.forEach((item, i) => checkType(inner, item, attribute, at, i, report));
    return;
  }
  switch (type) {
    case "string":
      if (typeof value !== "number" && typeof value !== "boolean") report(pathOf(parent, key), `expected a string, found ${describe(value)}`);
      return;
    case "number":
      if (typeof value !== "number" && !(typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)))) {
        report(pathOf(parent, key), `expected a number, found ${describe(value)}`);
      }
      return;
    case "bool":
      if (typeof value !== "boolean" && value !== "true" && value !== "false") report(pathOf(parent, key), `expected a bool, found ${describe(value)}`);
      return;
    case "object": {
      const at = pathOf(parent, key);
      if (typeof value !== "object" || Array.isArray(value)) return report(at, `expected an object, found ${describe(value)}`);
      const fields = attribute?.attributes ?? {};
      for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
        const field = fields[name];
        if (!field) report(`${at}.${name}`, unknownMessage("field", name, Object.keys(fields)));
        else checkType(field.type, item, field, at, name, report);
      }
      if (attribute?.all_fields) {
        for (const name of Object.keys(fields)) if (!(name in (value as object))) report(`${at}.${name}`, `every field of this object must be given in Terraform JSON (null if unused)`);
      }
      return;
    }
    default:
      return; // "any"
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)}`;
}

function unknownMessage(what: string, name: string, known: readonly string[]): string {
  const suggestion = closest(name, known);
  return `unknown ${what} "${name}"${suggestion ? ` (did you mean "${suggestion}"?)` : ""}`;
}

/** A block's required arguments and blocks, listed once per block schema instead of once per block. */
const requiredOf = new WeakMap<BlockSchema, { readonly attributes: readonly string[]; readonly blocks: readonly string[] }>();
function required(block: BlockSchema): { readonly attributes: readonly string[]; readonly blocks: readonly string[] } {
  let names = requiredOf.get(block);
  if (!names) {
    names = {
      attributes: Object.entries(block.attributes).filter(([, attribute]) => attribute.required).map(([name]) => name),
      blocks: Object.entries(block.blocks ?? {}).filter(([, nested]) => nested.required || (nested.min_items ?? 0) > 0).map(([name]) => name),
    };
    requiredOf.set(block, names);
  }
  return names;
}

function checkBlock(block: BlockSchema, body: unknown, at: string, meta: ReadonlySet<string>, report: (path: string, message: string) => void): void {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return report(at, `expected a block (an object), found ${describe(body)}`);
  const join = (name: string) => (at ? `${at}.${name}` : name);
  const given = body as Record<string, unknown>;
  for (const [name, value] of Object.entries(given)) {
    if (meta.has(name)) continue;
    const attribute = block.attributes[name];
    if (attribute) {
      checkType(attribute.type, value, attribute, at, name, report);
      continue;
    }
    const nested = block.blocks?.[name];
    if (nested) {
      checkNested(nested, value, join(name), report);
      continue;
    }
    report(join(name), unknownMessage("argument or block", name, [...Object.keys(block.attributes), ...Object.keys(block.blocks ?? {})]));
  }
  const { attributes, blocks } = required(block);
  for (const name of attributes) if (given[name] === undefined) report(join(name), `the required argument "${name}" is missing`);
  for (const name of blocks) if (given[name] === undefined) report(join(name), `the required block "${name}" is missing`);
}

const none: ReadonlySet<string> = new Set(["dynamic"]);

function checkNested(nested: NestedBlockSchema, value: unknown, at: string, report: (path: string, message: string) => void): void {
  if (nested.nesting === "map") {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return report(at, `expected an object of labelled blocks, found ${describe(value)}`);
    for (const [label, body] of Object.entries(value as Record<string, unknown>)) checkBlock(nested, body, `${at}.${label}`, none, report);
    return;
  }
  const items = Array.isArray(value) ? value : [value];
  if (items.some((item) => typeof item !== "object" || item === null || Array.isArray(item))) {
    return report(at, `"${at.split(".").pop()}" is a block: write an object or a list of objects, found ${describe(value)}`);
  }
  const max = nested.nesting === "single" ? 1 : nested.max_items;
  if (max !== undefined && items.length > max) report(at, `at most ${max} "${at.split(".").pop()}" block${max === 1 ? "" : "s"} allowed, found ${items.length}`);
  if (nested.min_items !== undefined && items.length < nested.min_items) report(at, `at least ${nested.min_items} "${at.split(".").pop()}" blocks required, found ${items.length}`);
  items.forEach((item, i) => checkBlock(nested, item, Array.isArray(value) ? `${at}[${i}]` : at, none, report));
}

/**
 * Checks a Terraform JSON configuration against the real provider schemas, offline: unknown types,
 * arguments and blocks, missing required ones, wrong nesting and literal types.
 */
export function validateTerraform(doc: unknown): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const top = (doc ?? {}) as Record<string, unknown>;
  const section = (name: string) => (top[name] ?? {}) as Record<string, Record<string, unknown>>;
  const reporter = (address: string) => (path: string, message: string) => problems.push({ address, path, message });

  for (const [kind, prefix] of [["resource", ""], ["data", "data."]] as const) {
    for (const [type, byName] of Object.entries(section(kind))) {
      const provider = providerSchema(providerOf(type));
      const table = provider ? (kind === "resource" ? provider.resources : provider.data_sources) : undefined;
      const schema = table?.[type];
      const meta = new Set([...(provider?.meta_arguments ?? []), "dynamic"]);
      for (const [name, body] of Object.entries(byName)) {
        const address = `${prefix}${type}.${name}`;
        if (!provider) {
          problems.push({ address, path: "", message: `no provider "${providerOf(type)}" (noros knows ${Object.keys(providerFiles).join(", ")})` });
          continue;
        }
        if (!schema) {
          problems.push({ address, path: "", message: unknownMessage(kind === "resource" ? "resource type" : "data source", type, Object.keys(table ?? {})) });
          continue;
        }
        checkBlock(schema, body, "", meta, reporter(address));
      }
    }
  }
  for (const [name, body] of Object.entries(section("provider"))) {
    const provider = providerSchema(name);
    const bodies = Array.isArray(body) ? body : [body];
    if (!provider?.provider_config) {
      if (!provider) problems.push({ address: `provider.${name}`, path: "", message: `unknown provider "${name}"` });
      continue;
    }
    for (const config of bodies) checkBlock(provider.provider_config, config, "", new Set(["alias", "version"]), reporter(`provider.${name}`));
  }
  const key = (p: SchemaProblem) => `${p.address}\u0000${p.path}\u0000${p.message}`;
  return problems.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
