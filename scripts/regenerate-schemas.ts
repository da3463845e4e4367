/**
 * Regenerates a provider schema in schemas/providers/ from the published cdktf bindings on npm:
 *
 *   npm run schemas -- --provider aws [--check]
 *
 * It packs the package into a temporary directory (`npm pack`), then reads what cdktf itself runs to
 * write Terraform: each resource's `synthesizeHclAttributes()` and each nested block's
 * `*ToHclTerraform()` in lib/<resource>/index.js give the argument names, block vs attribute, list/set/
 * map nesting, max-1 blocks and element types; the `.jsii` assembly gives which are required.
 * `--check` exits 1 when the result differs from the committed file.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ts } from "ts-morph";

export const packages: Record<string, { npm: string; file: string; source: string }> = {
  aws: { npm: "@cdktf/provider-aws@21.22.1", file: "aws-provider-v6.json", source: "registry.terraform.io/hashicorp/aws" },
  kubernetes: { npm: "@cdktf/provider-kubernetes@12.1.1", file: "kubernetes.json", source: "registry.terraform.io/hashicorp/kubernetes" },
  helm: { npm: "@cdktf/provider-helm@12.1.2", file: "helm.json", source: "registry.terraform.io/hashicorp/helm" },
  random: { npm: "@cdktf/provider-random@12.0.1", file: "random.json", source: "registry.terraform.io/hashicorp/random" },
  tls: { npm: "@cdktf/provider-tls@11.0.1", file: "tls.json", source: "registry.terraform.io/hashicorp/tls" },
  archive: { npm: "@cdktf/provider-archive@11.0.1", file: "archive.json", source: "registry.terraform.io/hashicorp/archive" },
  null: { npm: "@cdktf/provider-null@11.0.1", file: "null.json", source: "registry.terraform.io/hashicorp/null" },
  postgresql: { npm: "@cdktf/provider-postgresql@12.1.1", file: "postgresql.json", source: "registry.terraform.io/cyrilgdn/postgresql" },
};

type Json = Record<string, unknown>;
interface Entry {
  camel: string;
  isBlock: boolean;
  type: string;
  storage: string;
  nested: string | undefined;
  direct: boolean;
  /** listMapperHcl's second argument: false for a list of plain objects written as an attribute. */
  blockMapper: boolean;
}

/** The object literal assigned to `attrs` inside a function or method body. */
function attrsLiteral(body: ts.Node): ts.ObjectLiteralExpression | undefined {
  let found: ts.ObjectLiteralExpression | undefined;
  const visit = (node: ts.Node) => {
    if (found) return;
    if (ts.isVariableDeclaration(node) && node.name.getText() === "attrs" && node.initializer && ts.isObjectLiteralExpression(node.initializer)) found = node.initializer;
    else ts.forEachChild(node, visit);
  };
  visit(body);
  return found;
}

function entries(literal: ts.ObjectLiteralExpression): Map<string, Entry> {
  const out = new Map<string, Entry>();
  for (const property of literal.properties) {
    if (!ts.isPropertyAssignment(property) || !ts.isObjectLiteralExpression(property.initializer)) continue;
    const name = property.name.getText().replace(/^"|"$/g, "");
    const fields = new Map(property.initializer.properties.filter(ts.isPropertyAssignment).map((p) => [p.name.getText(), p.initializer]));
    const value = fields.get("value")?.getText() ?? "";
    const camel = /(?:this\._|struct\.)(\w+)/.exec(value)?.[1] ?? "";
    const nested = /(\w+ToHclTerraform)\b/.exec(value.replace(/cdktf\.\w+ToHclTerraform/g, "").replace(/\w+\.(?=\w+ToHclTerraform)/g, ""))?.[1];
    out.set(name, {
      camel,
      isBlock: fields.get("isBlock")?.getText() === "true",
      type: JSON.parse(fields.get("type")?.getText() ?? '"simple"') as string,
      storage: JSON.parse(fields.get("storageClassType")?.getText() ?? '""') as string,
      nested,
      direct: nested !== undefined && !/listMapperHcl|hashMapperHcl/.test(value),
      blockMapper: !/MapperHcl\([^,]+,\s*false\)/.test(value),
    });
  }
  return out;
}

const scalar = (storage: string): string =>
  storage.startsWith("string") ? "string" : storage.startsWith("number") ? "number" : storage.startsWith("boolean") ? "bool" : "any";

/** Terraform type of a plain attribute from cdktf's storage class ("stringList", "numberMap", ...). */
function attributeType(e: Entry): string {
  if (e.nested) return e.type === "simple" || e.type === "struct" ? "object" : `${e.type}(object)`;
  const s = e.storage;
  if (/^(string|number|boolean)$/.test(s)) return scalar(s);
  if (/ListList$/.test(s)) return `${e.type === "set" ? "set" : "list"}(list(${scalar(s)}))`;
  if (/MapList$/.test(s)) return `list(map(${scalar(s)}))`;
  if (/ListMap$/.test(s)) return `map(list(${scalar(s)}))`;
  if (/MapMap$/.test(s)) return `map(map(${scalar(s)}))`;
  if (/List$/.test(s)) return `${e.type === "set" ? "set" : "list"}(${scalar(s)})`;
  if (/Map$/.test(s)) return `map(${scalar(s)})`;
  return "any";
}

interface Context {
  functions: Map<string, ts.FunctionDeclaration>;
  /** "<submodule>.<struct name>", lowercased -> property -> optional. */
  optional: Map<string, Map<string, boolean>>;
  submodule: string;
}

function block(literal: ts.ObjectLiteralExpression, optional: Map<string, boolean> | undefined, ctx: Context): Json {
  const attributes: Json = {};
  const blocks: Json = {};
  for (const [name, e] of [...entries(literal)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const required = optional?.get(e.camel) === false;
    const nestedFn = e.nested ? ctx.functions.get(e.nested) : undefined;
    const nestedLiteral = nestedFn?.body ? attrsLiteral(nestedFn.body) : undefined;
    const nestedOptional = e.nested ? ctx.optional.get(`${ctx.submodule}.${e.nested.replace(/ToHclTerraform$/, "")}`.toLowerCase()) : undefined;
    if (e.isBlock && nestedLiteral && e.blockMapper) {
      const nesting = e.type === "struct" ? "single" : e.type === "map" ? "map" : e.type === "set" ? "set" : "list";
      blocks[name] = {
        nesting,
        ...(required ? { required: true, min_items: 1 } : {}),
        ...(e.direct ? { max_items: 1 } : {}),
        ...block(nestedLiteral, nestedOptional, ctx),
      };
      continue;
    }
    const type = attributeType(e);
    const fields = nestedLiteral ? (block(nestedLiteral, nestedOptional, ctx).attributes as Json) : undefined;
    attributes[name] = { type, ...(required ? { required: true } : {}), ...(fields ? { attributes: fields, all_fields: true } : {}) };
  }
  return Object.keys(blocks).length > 0 ? { attributes, blocks } : { attributes };
}

/** Derives the schema from an unpacked cdktf provider package. */
export function deriveSchema(packageDir: string, provider: string, version: string, source: string, npm: string): Json {
  const assembly = JSON.parse(readFileSync(path.join(packageDir, ".jsii"), "utf8")) as { types: Record<string, { kind: string; name: string; fqn: string; properties?: Array<{ name: string; optional?: boolean }> }> };
  const optional = new Map<string, Map<string, boolean>>();
  for (const type of Object.values(assembly.types)) {
    if (type.kind !== "interface") continue;
    const submodule = type.fqn.split(".").slice(-2, -1)[0] ?? "";
    optional.set(`${submodule}.${type.name}`.toLowerCase(), new Map((type.properties ?? []).map((p) => [p.name, p.optional === true])));
  }
  const resources: Json = {};
  const dataSources: Json = {};
  let providerConfig: Json | undefined;
  const lib = path.join(packageDir, "lib");
  for (const dir of readdirSync(lib).sort()) {
    let text: string;
    try {
      text = readFileSync(path.join(lib, dir, "index.js"), "utf8");
    } catch {
      continue;
    }
    // Large resources keep their nested structs in index-structs/*.js beside index.js.
    const functions = new Map<string, ts.FunctionDeclaration>();
    const classes: ts.ClassDeclaration[] = [];
    for (const js of [path.join(lib, dir, "index.js"), ...jsFilesUnder(path.join(lib, dir, "index-structs"))]) {
      const file = ts.createSourceFile(js, readFileSync(js, "utf8"), ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
      file.forEachChild((n) => {
        if (ts.isFunctionDeclaration(n) && n.name) functions.set(n.name.text, n);
        if (ts.isClassDeclaration(n) && js.endsWith(`${dir}${path.sep}index.js`)) classes.push(n);
      });
    }
    const submodule = dir.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    const ctx: Context = { functions, optional, submodule };
    for (const cls of classes) {
      // Compiled as `Instance.tfResourceType = "aws_instance";` after the class.
      const typeName = cls.name ? new RegExp(`\\b${cls.name.text}\\.tfResourceType\\s*=\\s*"([^"]+)"`).exec(text)?.[1] : undefined;
      const method = cls.members.find((m) => ts.isMethodDeclaration(m) && m.name.getText() === "synthesizeHclAttributes") as ts.MethodDeclaration | undefined;
      const literal = method?.body ? attrsLiteral(method.body) : undefined;
      if (!typeName || !literal || !cls.name) continue;
      const schema = block(literal, optional.get(`${submodule}.${cls.name.text}Config`.toLowerCase()), ctx);
      if (typeName === provider) providerConfig = schema;
      else if (dir.startsWith("data-")) dataSources[typeName] = schema;
      else resources[typeName] = schema;
    }
  }
  return {
    provider: source,
    version,
    source: npm,
    meta_arguments: ["count", "for_each", "depends_on", "provider", "lifecycle", "provisioner", "connection"],
    ...(providerConfig ? { provider_config: providerConfig } : {}),
    resources,
    data_sources: dataSources,
  };
}

function jsFilesUnder(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => f.endsWith(".js")).sort().map((f) => path.join(dir, f));
  } catch {
    return [];
  }
}

function sortedJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedJson);
  if (value && typeof value === "object") return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortedJson((value as Json)[k])]));
  return value;
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  if (args.includes("--help")) {
    process.stdout.write(`usage: npm run schemas -- --provider ${Object.keys(packages).join("|")} [--check]\n`);
    process.exit(0);
  }
  const name = args[args.indexOf("--provider") + 1] ?? "aws";
  const pkg = packages[name];
  if (!pkg) throw new Error(`unknown provider ${name}`);
  const work = mkdtempSync(path.join(tmpdir(), "noros-schema-"));
  try {
    process.stderr.write(`packing ${pkg.npm}...\n`);
    const tarball = execFileSync("npm", ["pack", pkg.npm, "--silent"], { cwd: work, encoding: "utf8" }).trim().split("\n").pop() as string;
    execFileSync("tar", ["xzf", tarball], { cwd: work });
    const committed = path.resolve(import.meta.dirname, "..", "schemas", "providers", pkg.file);
    const previous = JSON.parse(readFileSync(committed, "utf8")) as Json;
    const derived = deriveSchema(path.join(work, "package"), name === "aws" ? "aws" : name, String(previous.version), pkg.source, String(previous.source));
    const text = `${JSON.stringify(sortedJson(derived))}\n`;
    const same = JSON.stringify(sortedJson(previous)) === JSON.stringify(sortedJson(derived));
    if (args.includes("--check")) {
      process.stdout.write(same ? `${pkg.file} is up to date\n` : `${pkg.file} differs from what ${pkg.npm} gives\n`);
      process.exitCode = same ? 0 : 1;
    } else {
      writeFileSync(committed, text);
      process.stdout.write(`wrote schemas/providers/${pkg.file}\n`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
