import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { packageRoot } from "../../../compiler/util/package-root.js";

/** The compact provider schema format of schemas/providers/ (see its README). */
export interface AttributeSchema {
  readonly type: string;
  readonly required?: boolean;
  readonly attributes?: Readonly<Record<string, AttributeSchema>>;
  readonly all_fields?: boolean;
}

export interface BlockSchema {
  readonly attributes: Readonly<Record<string, AttributeSchema>>;
  readonly blocks?: Readonly<Record<string, NestedBlockSchema>>;
}

export interface NestedBlockSchema extends BlockSchema {
  readonly nesting: "single" | "list" | "set" | "map";
  readonly required?: boolean;
  readonly min_items?: number;
  readonly max_items?: number;
}

export interface ProviderSchema {
  readonly provider: string;
  readonly version: string;
  readonly source: string;
  readonly meta_arguments: readonly string[];
  readonly provider_config?: BlockSchema;
  readonly resources: Readonly<Record<string, BlockSchema>>;
  readonly data_sources: Readonly<Record<string, BlockSchema>>;
}

/** Local provider name (the resource type prefix) -> schema file. */
export const providerFiles: Readonly<Record<string, string>> = {
  aws: "aws-provider-v6.json",
  kubernetes: "kubernetes.json",
  helm: "helm.json",
  random: "random.json",
  tls: "tls.json",
  archive: "archive.json",
  null: "null.json",
  postgresql: "postgresql.json",
};

const loaded = new Map<string, ProviderSchema>();

/** Where `npm run build` writes each provider's schema packed (see packProviderSchema). */
export const PACKED_SCHEMAS_DIR = path.join("dist", "provider-schemas");

/**
 * A provider's schema with each resource's and data source's block kept as JSON text. Parsing the AWS
 * schema whole (1.5 MB) was a tenth of a small system's compile, which uses twenty of its 1,500 types;
 * JSON text inside JSON parses at the speed of a read.
 */
export function packProviderSchema(schema: ProviderSchema): string {
  const texts = (table: Readonly<Record<string, BlockSchema>>) => Object.fromEntries(Object.entries(table).map(([type, block]) => [type, JSON.stringify(block)]));
  return JSON.stringify({ ...schema, resources: texts(schema.resources), data_sources: texts(schema.data_sources) });
}

/** Every type listed, each block parsed when it is first read. */
function parsedOnRead(texts: Readonly<Record<string, string>>): Record<string, BlockSchema> {
  const blocks: Record<string, BlockSchema> = {};
  for (const [type, text] of Object.entries(texts)) {
    Object.defineProperty(blocks, type, {
      enumerable: true,
      configurable: true,
      get: () => {
        const block = JSON.parse(text) as BlockSchema;
        Object.defineProperty(blocks, type, { value: block, enumerable: true });
        return block;
      },
    });
  }
  return blocks;
}

const sourceSchemaFile = (root: string, file: string): string => path.join(root, "schemas", "providers", file);

/** A provider's schema as schemas/providers/ holds it. */
export function readSourceSchema(root: string, file: string): ProviderSchema {
  return JSON.parse(readFileSync(sourceSchemaFile(root, file), "utf8")) as ProviderSchema;
}

function readSchema(file: string): ProviderSchema {
  const root = packageRoot();
  const packed = path.join(root, PACKED_SCHEMAS_DIR, file);
  // The packed copy only while it is current: schemas/ regenerated after a build is read as it is.
  const current = existsSync(packed) && statSync(packed).mtimeMs >= statSync(sourceSchemaFile(root, file)).mtimeMs;
  return current ? unpackProviderSchema(readFileSync(packed, "utf8")) : readSourceSchema(root, file);
}

/** What packProviderSchema wrote, as the schema itself. */
export function unpackProviderSchema(text: string): ProviderSchema {
  const schema = JSON.parse(text) as Omit<ProviderSchema, "resources" | "data_sources"> & { resources: Record<string, string>; data_sources: Record<string, string> };
  return { ...schema, resources: parsedOnRead(schema.resources), data_sources: parsedOnRead(schema.data_sources) };
}

/** One provider's schema, read on first use only. */
export function providerSchema(name: string): ProviderSchema | undefined {
  const file = providerFiles[name];
  if (file === undefined) return undefined;
  let schema = loaded.get(name);
  if (!schema) {
    schema = readSchema(file);
    loaded.set(name, schema);
  }
  return schema;
}
