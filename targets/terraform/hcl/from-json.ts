import { providerSchema, type BlockSchema, type NestedBlockSchema } from "../schema/provider-schema.js";
import { attribute, blank, block, source, type Expr, type Item } from "./ast.js";
import { formatExpression } from "./expression-format.js";
import { isOneLine } from "./print.js";
import { objectKey, stringExpression } from "./strings.js";
import { soleInterpolation } from "./template.js";

/**
 * Terraform JSON to HCL. JSON has no syntax for blocks: a nested block is an object (or a list of
 * objects) just like an attribute of object type, so the provider schemas decide which keys are blocks.
 * Everything else is an expression, with JSON strings read as templates.
 */
type Json = unknown;
type JsonObject = Record<string, Json>;

const isObject = (value: Json): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);
const byKey = <T>(entries: Array<[string, T]>): Array<[string, T]> => entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const asList = (value: Json): Json[] => (Array.isArray(value) ? value : [value]);

/** Any JSON value as an HCL expression. */
export function expression(value: Json): Expr {
  if (typeof value === "string") return stringExpression(value);
  if (typeof value === "number" || typeof value === "boolean" || value === null) return source(JSON.stringify(value));
  if (Array.isArray(value)) return { kind: "tuple", items: value.map(expression) };
  if (isObject(value)) return { kind: "object", entries: byKey(Object.entries(value)).map(([key, item]) => ({ key: objectKey(key), value: expression(item) })) };
  throw new Error(`internal: ${typeof value} is not a JSON value`);
}

/** Places where Terraform JSON takes a reference or keyword as a plain string (`"aws_s3_bucket.x"`), not a template. */
function bare(value: Json): Expr {
  if (typeof value !== "string") return expression(value);
  return source(formatExpression(soleInterpolation(value) ?? value));
}

const bareList = (value: Json): Expr => (Array.isArray(value) ? { kind: "tuple", items: value.map(bare) } : bare(value));

/** A block body as items, in the order people write them: meta-arguments, attributes, blocks, lifecycle. */
interface Sorted {
  readonly head: Item[];
  readonly attributes: Item[];
  readonly multiline: Item[];
  readonly blocks: Item[];
  readonly tail: Item[];
}

function assemble(sorted: Sorted): Item[] {
  const groups: Item[][] = [sorted.head, sorted.attributes, ...sorted.multiline.map((i) => [i]), ...sorted.blocks.map((i) => [i]), ...sorted.tail.map((i) => [i])];
  return groups.filter((g) => g.length > 0).flatMap((g, index) => (index === 0 ? g : [blank, ...g]));
}

function place(sorted: Sorted, item: Item): void {
  if (item.kind === "attribute" && isOneLine(item.value)) {
    sorted.attributes.push(item);
  } else if (item.kind === "attribute") sorted.multiline.push(item);
  else sorted.blocks.push(item);
}

const empty = (): Sorted => ({ head: [], attributes: [], multiline: [], blocks: [], tail: [] });

/** The blocks a JSON value stands for under a block type of the schema. */
function nestedBlocks(name: string, nested: NestedBlockSchema, value: Json): Item[] {
  if (nested.nesting === "map" && isObject(value)) {
    return byKey(Object.entries(value)).map(([label, body]) => block(name, [label], schemaBody(asObject(body), nested)));
  }
  return asList(value).map((body) => block(name, [], schemaBody(asObject(body), nested)));
}

function asObject(value: Json): JsonObject {
  if (!isObject(value)) throw new Error(`internal: expected a block body, found ${JSON.stringify(value)}`);
  return value;
}

/**
 * A block body: nested blocks where the schema has a block type of that name (and `dynamic` blocks,
 * allowed at any depth), attributes otherwise. `meta` claims the keys a particular block treats
 * specially (meta-arguments, `required_providers`, ...).
 */
function schemaBody(body: JsonObject, schema: BlockSchema | undefined, meta?: (sorted: Sorted, key: string, value: Json) => boolean, first: readonly string[] = []): Item[] {
  const sorted = empty();
  // Keys people expect first (a variable's type, an output's value), then the rest alphabetically.
  const rank = (key: string) => (first.includes(key) ? first.indexOf(key) : first.length);
  for (const [key, value] of byKey(Object.entries(body)).sort(([a], [b]) => rank(a) - rank(b))) {
    if (meta?.(sorted, key, value)) continue;
    const nested = schema?.blocks?.[key];
    if (nested) sorted.blocks.push(...nestedBlocks(key, nested, value));
    else if (key === "dynamic" && schema) sorted.blocks.push(...dynamicBlocks(value, schema));
    else place(sorted, attribute(key, expression(value)));
  }
  return assemble(sorted);
}

/** A body with no schema (a backend, `required_providers`): every key is an attribute. */
const plainBody = (body: JsonObject): Item[] => schemaBody(body, undefined);

/** `condition`/`error_message` checks, in lifecycle, outputs and variables. */
const conditionBlocks = (name: string, value: Json): Item[] => asList(value).map((c) => block(name, [], plainBody(asObject(c))));

function lifecycle(value: Json): Item {
  const body = asObject(asList(value)[0]);
  const sorted = empty();
  for (const [key, item] of byKey(Object.entries(body))) {
    if (key === "ignore_changes" || key === "replace_triggered_by") place(sorted, attribute(key, bareList(item)));
    else if (key === "precondition" || key === "postcondition") sorted.blocks.push(...conditionBlocks(key, item));
    else place(sorted, attribute(key, expression(item)));
  }
  return block("lifecycle", [], assemble(sorted));
}

/** `dynamic "name" { for_each = ..., content { ... } }`: the content is a body of the named block type. */
function dynamicBlocks(value: Json, schema: BlockSchema | undefined): Item[] {
  return byKey(Object.entries(asObject(value))).flatMap(([name, specs]) =>
    asList(specs).map((spec) => {
      const sorted = empty();
      for (const [key, item] of byKey(Object.entries(asObject(spec)))) {
        if (key === "content") sorted.blocks.push(block("content", [], schemaBody(asObject(asList(item)[0]), schema?.blocks?.[name])));
        else if (key === "iterator") place(sorted, attribute(key, bare(item)));
        else place(sorted, attribute(key, expression(item)));
      }
      return block("dynamic", [name], assemble(sorted));
    }),
  );
}

/** The meta-arguments of resources and data sources (and `depends_on` of outputs and modules). */
function metaArguments(schema: BlockSchema | undefined) {
  return (sorted: Sorted, key: string, value: Json): boolean => {
    switch (key) {
      case "count":
      case "for_each":
        sorted.head.push(attribute(key, expression(value)));
        return true;
      case "provider":
        sorted.head.push(attribute(key, bare(value)));
        return true;
      case "depends_on":
        sorted.tail.unshift(attribute(key, bareList(value)));
        return true;
      case "lifecycle":
        sorted.tail.push(lifecycle(value));
        return true;
      case "dynamic":
        sorted.blocks.push(...dynamicBlocks(value, schema));
        return true;
      case "connection":
        sorted.tail.push(...asList(value).map((c) => block("connection", [], plainBody(asObject(c)))));
        return true;
      case "provisioner":
        for (const entry of asList(value)) {
          for (const [type, body] of byKey(Object.entries(asObject(entry)))) {
            sorted.tail.push(...asList(body).map((b) => block("provisioner", [type], schemaBody(asObject(b), undefined, metaArguments(undefined)))));
          }
        }
        return true;
      default:
        return false;
    }
  };
}

const providerOf = (type: string): string => type.split("_")[0] ?? type;

function resourceBlock(kind: "resource" | "data", type: string, name: string, body: Json): Item {
  const provider = providerSchema(providerOf(type));
  const schema = kind === "resource" ? provider?.resources[type] : provider?.data_sources[type];
  return block(kind, [type, name], schemaBody(asObject(asList(body)[0]), schema, metaArguments(schema)));
}

function terraformBlock(body: JsonObject): Item {
  return block("terraform", [], schemaBody(body, undefined, (sorted, key, value) => {
    if (key === "required_providers") {
      // One provider requirement after the other, without blank lines, as `terraform init` docs show them.
      sorted.blocks.push(...asList(value).map((p) => block("required_providers", [], byKey(Object.entries(asObject(p))).map(([name, requirement]) => attribute(name, expression(requirement))))));
      return true;
    }
    if (key === "backend") {
      for (const [type, config] of byKey(Object.entries(asObject(value)))) sorted.blocks.push(block("backend", [type], plainBody(asObject(asList(config)[0]))));
      return true;
    }
    if (key === "cloud") {
      sorted.blocks.push(block("cloud", [], schemaBody(asObject(asList(value)[0]), { attributes: {}, blocks: { workspaces: { nesting: "single", attributes: {} } } })));
      return true;
    }
    if (key === "experiments") {
      place(sorted, attribute(key, bareList(value)));
      return true;
    }
    return false;
  }));
}

function variableBlock(name: string, body: JsonObject): Item {
  return block("variable", [name], schemaBody(body, undefined, (sorted, key, value) => {
    if (key === "type") {
      // A type constraint (`string`, `list(string)`) is written as a string in JSON and bare in HCL.
      place(sorted, attribute(key, bare(value)));
      return true;
    }
    if (key === "validation") {
      sorted.blocks.push(...conditionBlocks(key, value));
      return true;
    }
    return false;
  }, ["type", "description", "default", "sensitive", "nullable", "ephemeral"]));
}

function outputBlock(name: string, body: JsonObject): Item {
  return block("output", [name], schemaBody(body, undefined, (sorted, key, value) => {
    if (key === "depends_on") {
      sorted.tail.push(attribute(key, bareList(value)));
      return true;
    }
    if (key === "precondition") {
      sorted.blocks.push(...conditionBlocks(key, value));
      return true;
    }
    return false;
  }, ["value", "description", "sensitive", "ephemeral"]));
}

/** `module "name" { source = ... }`: inputs are expressions; `providers` maps names to bare provider references. */
function moduleBlock(name: string, body: JsonObject): Item {
  const meta = metaArguments(undefined);
  return block("module", [name], schemaBody(body, undefined, (sorted, key, value) => {
    if (key === "providers") {
      sorted.tail.unshift(attribute(key, { kind: "object", entries: byKey(Object.entries(asObject(value))).map(([k, v]) => ({ key: objectKey(k), value: bare(v) })) }));
      return true;
    }
    return meta(sorted, key, value);
  }, ["source", "version"]));
}

/** `moved`, `removed`, `import`: `from`/`to` are resource addresses, written bare. */
function addressBlock(kind: string, body: JsonObject): Item {
  return block(kind, [], schemaBody(body, undefined, (sorted, key, value) => {
    if (key !== "from" && key !== "to") return false;
    place(sorted, attribute(key, bare(value)));
    return true;
  }));
}

/** One top-level block with the section it came from and, for resources and data sources, its type. */
export interface TopBlock {
  readonly section: string;
  readonly type?: string;
  readonly item: Item;
}

/** Every top-level block of a Terraform JSON document, in canonical order within each section. */
export function topBlocks(doc: JsonObject): TopBlock[] {
  const out: TopBlock[] = [];
  const section = (name: string): JsonObject => (isObject(doc[name]) ? (doc[name] as JsonObject) : {});
  for (const body of asList(doc.terraform ?? [])) out.push({ section: "terraform", item: terraformBlock(asObject(body)) });
  for (const [name, bodies] of byKey(Object.entries(section("provider")))) {
    const provider = providerSchema(name);
    for (const body of asList(bodies)) {
      out.push({ section: "provider", item: block("provider", [name], schemaBody(asObject(body), provider?.provider_config, (sorted, key, value) => key === "alias" && (place(sorted, attribute(key, expression(value))), true))) });
    }
  }
  for (const [name, body] of byKey(Object.entries(section("variable")))) out.push({ section: "variable", item: variableBlock(name, asObject(body)) });
  const locals = asList(doc.locals ?? []).flatMap((l) => byKey(Object.entries(asObject(l))));
  if (locals.length > 0) out.push({ section: "locals", item: block("locals", [], plainBody(Object.fromEntries(locals))) });
  for (const kind of ["data", "resource"] as const) {
    for (const [type, byName] of byKey(Object.entries(section(kind)))) {
      for (const [name, body] of byKey(Object.entries(asObject(byName)))) out.push({ section: kind, type, item: resourceBlock(kind, type, name, body) });
    }
  }
  for (const [name, body] of byKey(Object.entries(section("module")))) out.push({ section: "module", item: moduleBlock(name, asObject(asList(body)[0])) });
  for (const [name, body] of byKey(Object.entries(section("output")))) out.push({ section: "output", item: outputBlock(name, asObject(body)) });
  for (const kind of ["moved", "removed", "import"]) {
    for (const body of asList(doc[kind] ?? [])) out.push({ section: kind, item: addressBlock(kind, asObject(body)) });
  }
  const known = new Set(["terraform", "provider", "variable", "locals", "data", "resource", "module", "output", "moved", "removed", "import"]);
  const unknown = Object.keys(doc).filter((k) => !known.has(k));
  if (unknown.length > 0) throw new Error(`internal: no HCL form for the top-level "${unknown.join(", ")}" of a Terraform document`);
  return out;
}
