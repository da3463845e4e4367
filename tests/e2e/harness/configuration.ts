/**
 * The compiled Terraform configuration a deployment runs, read once: the size guard, the image push
 * and the teardown override all look at its variables and resources.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export type Resources = Record<string, Record<string, Record<string, unknown>>>;

export interface Configuration {
  readonly variable: Record<string, { readonly default?: unknown }>;
  readonly resource: Resources;
}

/** Every `*.tf.json` in `dir` but override files (the harness's own), merged block by block. */
export function readConfiguration(dir: string): Configuration {
  const variable: Configuration["variable"] = {};
  const resource: Resources = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".tf.json") && !f.endsWith("_override.tf.json")).sort()) {
    const doc = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as { variable?: Configuration["variable"]; resource?: Resources };
    Object.assign(variable, doc.variable);
    for (const [type, byName] of Object.entries(doc.resource ?? {})) Object.assign((resource[type] ??= {}), byName);
  }
  return { variable, resource };
}
