import { readFileSync } from "node:fs";
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

/** One provider's schema, parsed on first use only (the AWS one is 1.5 MB). */
export function providerSchema(name: string): ProviderSchema | undefined {
  const file = providerFiles[name];
  if (file === undefined) return undefined;
  let schema = loaded.get(name);
  if (!schema) {
    schema = JSON.parse(readFileSync(path.join(packageRoot(), "schemas", "providers", file), "utf8")) as ProviderSchema;
    loaded.set(name, schema);
  }
  return schema;
}
