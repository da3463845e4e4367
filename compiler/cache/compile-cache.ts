import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import type { Artefact } from "../artefact.js";
import { sha256 } from "../util/hash.js";
import { writeToDescriptor } from "../util/text-chunks.js";
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

/**
 * An entry is two files: `<key>.json` (sources, summary, and each artefact's path and byte length) and
 * `<key>.bin` (the artefacts' bytes, one after another). Large systems write tens of megabytes, which
 * as base64 inside JSON would cost more than the compile it saves.
 */
interface Entry {
  readonly sources: ReadonlyArray<{ readonly file: string; readonly sha256: string }>;
  readonly result: { system: string; constructs: number; resources: number; artefacts: Array<{ path: string; bytes: number }> };
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
  let blob: Buffer;
  try {
    blob = readFileSync(entryPath(entry, targets).replace(/\.json$/, ".bin"));
  } catch {
    return undefined;
  }
  if (blob.byteLength !== result.artefacts.reduce((sum, a) => sum + a.bytes, 0)) return undefined; // Torn or foreign: ignore.
  markUsed(entryPath(entry, targets));
  let offset = 0;
  const artefacts = result.artefacts.map((a) => {
    const contents = blob.subarray(offset, offset + a.bytes);
    offset += a.bytes;
    return { path: a.path, contents };
  });
  return { ...result, artefacts };
}

export function store(entry: string, targets: readonly string[], sources: ReadonlyArray<{ file: string }>, result: CachedCompile): void {
  const file = entryPath(entry, targets);
  try {
    const body: Entry = {
      sources: sources.map((s) => ({ file: s.file, sha256: sourceHash(s.file) })),
      result: {
        system: result.system,
        constructs: result.constructs,
        resources: result.resources,
        artefacts: result.artefacts.map((a) => ({ path: a.path, bytes: typeof a.contents === "string" ? Buffer.byteLength(a.contents) : a.contents.byteLength })),
      },
    };
    mkdirSync(path.dirname(file), { recursive: true });
    // The bytes first, then the index that vouches for them: a reader never sees an index without its bytes.
    const blob = file.replace(/\.json$/, ".bin");
    const temporaryBlob = `${blob}.${process.pid}.tmp`;
    const fd = openSync(temporaryBlob, "w");
    try {
      // One artefact after another, at the descriptor's position.
      for (const a of result.artefacts) writeToDescriptor(fd, a.contents);
    } finally {
      closeSync(fd);
    }
    renameSync(temporaryBlob, blob);
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(body));
    renameSync(temporary, file);
    prune(path.dirname(file), file);
  } catch {
    // A cache that cannot be written only costs speed; the compile itself succeeded.
  }
}

/** How large the cache may grow, in MiB, unless NOROS_CACHE_MAX_MB says otherwise. */
export const DEFAULT_CACHE_MAX_MB = 512;

function cacheLimitBytes(): number {
  const configured = Number(process.env.NOROS_CACHE_MAX_MB);
  return (Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_CACHE_MAX_MB) * 1024 * 1024;
}

/** A hit renews the entry, so that pruning removes the entries used longest ago. */
function markUsed(index: string): void {
  try {
    const now = new Date();
    utimesSync(index, now, now);
  } catch {
    // Read-only cache: still usable, only pruned in the order entries were written.
  }
}

/**
 * Keeps the cache under its limit by removing the least recently used entries (never the one just
 * written): every system compiled once would otherwise stay on disk forever, and a large one is tens
 * of megabytes.
 */
function prune(dir: string, keep: string): void {
  const entries = readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .map((name) => {
      const index = path.join(dir, name);
      const blob = index.replace(/\.json$/, ".bin");
      try {
        const stat = statSync(index);
        let bytes = stat.size;
        try {
          bytes += statSync(blob).size;
        } catch {
          // An index without bytes is worthless and counts only itself.
        }
        return { index, blob, bytes, used: stat.mtimeMs };
      } catch {
        return undefined; // Removed by a concurrent compile.
      }
    })
    .filter((e) => e !== undefined)
    .sort((a, b) => b.used - a.used || (a.index < b.index ? -1 : 1));
  const limit = cacheLimitBytes();
  let total = 0;
  for (const e of entries) {
    total += e.bytes;
    if (total <= limit || e.index === keep) continue;
    rmSync(e.index, { force: true });
    rmSync(e.blob, { force: true });
  }
}
