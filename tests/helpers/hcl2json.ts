import { parse } from "@cdktf/hcl2json";
import type { Artefact } from "../../compiler/artefact.js";
import { scanTemplate } from "../../targets/terraform/hcl/template.js";

type Json = unknown;
const isObject = (value: Json): value is Record<string, Json> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The `.tf` files converted back to JSON by @cdktf/hcl2json (HashiCorp's HCL parser), merged into one document. */
export async function hclToJson(files: readonly Artefact[]): Promise<Record<string, Json>> {
  const merged: Record<string, Json> = {};
  for (const file of files) {
    const parsed = await parse(file.path, String(file.contents));
    mergeInto(merged, parsed, file.path);
  }
  return merged;
}

/** Sections merge by key; the same resource in two files would be a duplicate in Terraform too, so it fails here. */
function mergeInto(target: Record<string, Json>, source: Record<string, Json>, file: string, at = ""): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (existing === undefined) target[key] = value;
    else if (isObject(existing) && isObject(value) && at.split(".").length < 3) mergeInto(existing, value, file, `${at}.${key}`);
    else if (Array.isArray(existing) && Array.isArray(value) && (key === "terraform" || key === "locals")) target[key] = [...existing, ...value];
    else throw new Error(`${file}: ${at}.${key} is declared in more than one file`);
  }
}

/** Keys whose values Terraform JSON writes as plain strings that are references or keywords, never templates. */
const bareKeys = new Set(["depends_on", "provider", "ignore_changes", "replace_triggered_by", "from", "to", "iterator", "experiments"]);
const isBare = (path: readonly string[]): boolean =>
  bareKeys.has(path[path.length - 1] ?? "") ||
  (path.length === 3 && path[0] === "variable" && path[2] === "type") ||
  (path.length === 4 && path[0] === "module" && path[2] === "providers");

/**
 * Makes the JSON form and hcl2json's reading of the HCL form comparable; each rule is one difference
 * of representation, not of meaning:
 * - hcl2json has no schema, so it writes every block as a list of bodies (`"rule": [{...}]`), where the
 *   JSON form writes a single block as an object: a list holding exactly one object is read as that
 *   object on both sides (attributes of list-of-object type are affected alike on both sides).
 * - Where Terraform JSON takes a reference or keyword as a plain string (`depends_on`, `provider`,
 *   `lifecycle.ignore_changes`, a variable's `type`, ...), HCL writes it bare and hcl2json gives it back
 *   as `"${...}"`: there, both sides are read as that one interpolation.
 * - Whitespace between the tokens of an expression means nothing, and the printer spaces expressions
 *   as terraform fmt does (`${a+b}` becomes `a + b`): inside the `${...}` and `%{...}` parts of every
 *   string, blanks outside quoted strings are removed on both sides. Literal text is compared as is.
 * - Not normalised, so such documents fail here: hcl2json writes a bare tuple or object constructor or
 *   literal as JSON (`for_each = [1]` becomes `[1]`), so a JSON-form string that is a sole
 *   interpolation of one (`"${[1]}"`) reads back differently; noros does not generate those.
 * - A list of zero blocks in JSON (`"ingress": []` under a block type) prints nothing in HCL; such empty
 *   lists of blocks do not occur in noros output, so no rule hides them.
 */
export function normalise(value: Json, path: readonly string[] = []): Json {
  if (Array.isArray(value)) {
    if (value.length === 1 && isObject(value[0])) return normalise(value[0], path);
    return value.map((item) => normalise(item, path));
  }
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v, [...path, k])]));
  if (typeof value === "string" && isBare(path)) {
    const sole = /^\$\{(.*)\}$/s.exec(value);
    return withoutCodeBlanks(sole ? `\${${sole[1] as string}}` : `\${${value}}`);
  }
  return typeof value === "string" ? withoutCodeBlanks(value) : value;
}

/** The string with blanks removed from its code parts, outside the quoted strings inside them. */
function withoutCodeBlanks(template: string): string {
  const parts = scanTemplate(template);
  if (!parts) return template;
  return parts
    .map((part) => {
      if (part.kind === "literal") return part.text;
      let out = "";
      let quoted = false;
      for (let i = 0; i < part.text.length; i++) {
        const c = part.text[i] as string;
        if (quoted && c === "\\") {
          out += part.text.slice(i, i + 2);
          i++;
          continue;
        }
        if (c === '"') quoted = !quoted;
        if (!quoted && (c === " " || c === "\t")) continue;
        out += c;
      }
      return out;
    })
    .join("");
}
