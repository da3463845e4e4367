import path from "node:path";
import type { Artefact } from "../artefact.js";
import type { SourceFileRecord } from "../load/load.js";
import { canonicalJson } from "../util/canonical-json.js";
import { sha256 } from "../util/hash.js";
import { MANIFEST } from "./write-output.js";

/**
 * `manifest.json`: every artefact with its hash, the compiler version and the sources' hashes. Paths are
 * relative to the entry file, so the manifest is the same wherever the project is checked out.
 */
export function manifest(artefacts: readonly Artefact[], sources: readonly SourceFileRecord[], version: string, system: string): Artefact {
  const base = path.dirname(sources[0]?.file ?? ".");
  const body = {
    noros: version,
    system,
    sources: sources
      .map((s) => ({ path: path.relative(base, s.file).split(path.sep).join("/"), sha256: sha256(s.text) }))
      .sort((a, b) => (a.path < b.path ? -1 : 1)),
    artefacts: artefacts
      .map((a) => ({ path: a.path, sha256: sha256(a.contents), bytes: typeof a.contents === "string" ? Buffer.byteLength(a.contents) : a.contents.byteLength }))
      .sort((a, b) => (a.path < b.path ? -1 : 1)),
  };
  return { path: MANIFEST, contents: canonicalJson(body) };
}
