import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import type { Artefact } from "../artefact.js";
import { sha256 } from "../util/hash.js";
import { compilerFingerprint } from "./fingerprint.js";
import { isIgnored } from "../load/service-sources.js";

/**
 * A source's hash: a file's contents, or for a directory (a service's source) the names of everything
 * in it that a build would copy, so that a file added there is noticed too.
 */
function sourceHash(file: string): string {
  if (!statSync(file).isDirectory()) return sha256(readFileSync(file));
  const names: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (isIgnored(entry.name, entry.isDirectory())) continue;
      names.push(`${prefix}${entry.name}${entry.isDirectory() ? "/" : ""}`);
      if (entry.isDirectory()) walk(path.join(dir, entry.name), `${prefix}${entry.name}/`);
    }
  };
  walk(file, "");
  return sha256(names.sort().join("\n"));
}

/** What a compile produced, kept so that compiling an unchanged system again costs a few file reads. */
export interface CachedCompile {
  readonly system: string;
  readonly constructs: number;
  readonly resources: number;
  readonly artefacts: readonly Artefact[];
}

interface Entry {
  readonly sources: ReadonlyArray<{ readonly file: string; readonly sha256: string }>;
  readonly result: { system: string; constructs: number; resources: number; artefacts: Array<{ path: string; base64: string }> };
}

export function cacheDirectory(): string {
  if (process.env.NOROS_CACHE_DIR) return process.env.NOROS_CACHE_DIR;
  const base = process.env.XDG_CACHE_HOME || path.join(homedir(), ".cache");
  return path.join(base, "noros");
}

/** One entry per system file, compiler and set of targets; validity is checked against source hashes. */
function entryPath(entry: string, targets: readonly string[]): string {
  return path.join(cacheDirectory(), `${sha256([compilerFingerprint(), path.resolve(entry), [...targets].sort().join(",")].join("\u0000"))}.json`);
}

export function lookup(entry: string, targets: readonly string[]): CachedCompile | undefined {
  let stored: Entry;
  try {
    stored = JSON.parse(readFileSync(entryPath(entry, targets), "utf8")) as Entry;
    for (const source of stored.sources) {
      if (sourceHash(source.file) !== source.sha256) return undefined;
    }
  } catch {
    return undefined; // Missing, unreadable or a source gone: compile for real.
  }
  const { result } = stored;
  return { ...result, artefacts: result.artefacts.map((a) => ({ path: a.path, contents: Buffer.from(a.base64, "base64") })) };
}

export function store(entry: string, targets: readonly string[], sources: ReadonlyArray<{ file: string }>, result: CachedCompile): void {
  const file = entryPath(entry, targets);
  let body: Entry;
  try {
    body = {
    sources: sources.map((s) => ({ file: s.file, sha256: sourceHash(s.file) })),
    result: {
      system: result.system,
      constructs: result.constructs,
      resources: result.resources,
      artefacts: result.artefacts.map((a) => ({ path: a.path, base64: Buffer.from(a.contents).toString("base64") })),
    },
  };
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(body));
    renameSync(temporary, file);
  } catch {
    // A cache that cannot be written only costs speed; the compile itself succeeded.
  }
}
