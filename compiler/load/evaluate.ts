import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { TraceMap, originalPositionFor } from "@jridgewell/trace-mapping";
import { ts } from "./typescript-api.js";
import type { SourcePosition } from "../diagnostics/diagnostic.js";
import { isCurrent } from "../util/is-current.js";
import { packageRoot } from "../util/package-root.js";
import { transpileAuthorFile, transpileLibraryFile } from "./transpile.js";

/** One construct (or the system itself) as evaluation left it: plain data, with positions. */
export interface EvaluatedNode {
  readonly kind: string;
  readonly name: string;
  readonly props: unknown;
  readonly pos: SourcePosition | undefined;
  /** Position of each property path written in the source, keyed by JSON.stringify(path). */
  readonly propPos: PropertyPositions;
  /** Security-policy waivers given with waive(...), in the order they were met. */
  readonly waivers: readonly EvaluatedWaiver[];
}

/** One waive(construct, rule, reason) call; rule or reason is null when it was not a string. */
export interface EvaluatedWaiver {
  readonly rule: string | null;
  readonly reason: string | null;
  readonly pos: SourcePosition | undefined;
}

/**
 * The positions of one node's property paths, decoded only when asked for: a diagnostic needs a handful,
 * while a system of 10,000 units records over a million, and decoding them all up front (a Map entry and
 * a position object each) was a fifth of the compiler's peak memory.
 */
export class PropertyPositions {
  constructor(
    private readonly raw: Readonly<Record<string, RawPosition>>,
    private readonly files: readonly string[],
  ) {}

  get(key: string): SourcePosition | undefined {
    return Object.hasOwn(this.raw, key) ? decodePosition(this.raw[key] as RawPosition, this.files) : undefined;
  }
}

function decodePosition(p: RawPosition | null, files: readonly string[]): SourcePosition | undefined {
  return p && files[p[0]] !== undefined ? { file: files[p[0]] as string, line: p[1], col: p[2] } : undefined;
}

export type Evaluation =
  | { readonly ok: true; readonly system: EvaluatedNode; readonly constructs: readonly EvaluatedNode[]; readonly problems: readonly EvaluationProblem[] }
  | { readonly ok: false; readonly problems: readonly EvaluationProblem[] };

export interface EvaluationProblem {
  readonly code: string;
  readonly message: string;
  readonly pos: SourcePosition | undefined;
}

export interface AuthorModule {
  readonly file: string;
  readonly source: string;
  /** Import specifier -> absolute path of the author file it resolves to ("noros" is added here). */
  readonly imports: ReadonlyMap<string, string>;
}

export const DEFAULT_TIMEOUT_MS = 5_000;
const NOROS_ID = "noros:dsl/index.ts";

interface LibraryModule {
  id: string;
  code: string;
  imports: Record<string, string>;
}

let libraryCache: SandboxLibrary | undefined;

export interface SandboxLibrary {
  readonly runtime: string;
  readonly dsl: readonly LibraryModule[];
}

export const SANDBOX_LIBRARY_FILE = path.join("dist", "sandbox-library.json");

/** The sandbox runtime and the DSL's runtime files, transpiled. */
export function transpileSandboxLibrary(root: string): SandboxLibrary {
  const runtimeSource = readFileSync(path.join(root, "compiler", "sandbox", "runtime.ts"), "utf8");
  const runtime = transpileLibraryFile(runtimeSource, "runtime.ts").code;
  const dslDir = path.join(root, "dsl");
  const dsl: LibraryModule[] = [];
  for (const name of readdirSync(dslDir).filter((n) => n.endsWith(".ts")).sort()) {
    const source = readFileSync(path.join(dslDir, name), "utf8");
    const imports: Record<string, string> = {};
    for (const imported of ts.preProcessFile(source, true, false).importedFiles) {
      if (imported.fileName.startsWith("./")) imports[imported.fileName] = `noros:dsl/${imported.fileName.slice(2).replace(/\.js$/, ".ts")}`;
    }
    dsl.push({ id: `noros:dsl/${name}`, code: transpileLibraryFile(source, name).code, imports });
  }
  return { runtime, dsl };
}

/**
 * The library, once per process: transpiled by `npm run build` (dist/sandbox-library.json) unless its
 * sources were edited since, as in a checkout between builds.
 */
function library(): SandboxLibrary {
  if (libraryCache) return libraryCache;
  const root = packageRoot();
  const built = path.join(root, SANDBOX_LIBRARY_FILE);
  const current = isCurrent(built, [path.join(root, "dsl"), path.join(root, "compiler", "sandbox")]);
  libraryCache = current ? (JSON.parse(readFileSync(built, "utf8")) as SandboxLibrary) : transpileSandboxLibrary(root);
  return libraryCache;
}

/** Where the evaluator process's script is: shipped as it is (plain CommonJS), next to the runtime. */
const EVALUATOR = path.join("compiler", "sandbox", "evaluator.cjs");

/** The evaluator's heap: a system is data, far below this; a runaway allocation stops here. */
export const DEFAULT_MEMORY_MB = 512;


/** Node's permission model flag: `--permission` from Node 22.13/23.5, `--experimental-permission` before. */
function permissionFlag(): string {
  return process.allowedNodeEnvironmentFlags.has("--permission") ? "--permission" : "--experimental-permission";
}

export interface EvaluateOptions {
  readonly timeoutMs?: number;
  readonly memoryMb?: number;
}

/**
 * Evaluates the author's modules in a separate Node process (compiler/sandbox/evaluator.cjs): a fresh
 * `node:vm` context that holds only the DSL, code generation from strings disabled, a time limit (an
 * endless loop is an error, not a hang), a heap limit (a 4 GB array is an error, not a crashed
 * compiler), and Node's permission model denying the process any file, child process or worker.
 */
export function evaluate(modules: readonly AuthorModule[], timeoutOrOptions: number | EvaluateOptions = DEFAULT_TIMEOUT_MS): Evaluation {
  const options = typeof timeoutOrOptions === "number" ? { timeoutMs: timeoutOrOptions } : timeoutOrOptions;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const memoryMb = options.memoryMb ?? DEFAULT_MEMORY_MB;
  const files = modules.map((m) => m.file);
  const entry = files[0] as string;
  const { runtime, dsl } = library();
  const maps = new Map<string, string>();
  const authored = modules.map((m, index) => {
    const { code, sourceMap } = transpileAuthorFile(m.source, m.file, index);
    maps.set(m.file, sourceMap);
    const table: Record<string, string> = { noros: NOROS_ID };
    for (const [specifier, target] of m.imports) table[specifier] = target;
    return { file: m.file, code, table };
  });

  const evaluator = path.join(packageRoot(), EVALUATOR);
  const child = spawnSync(
    process.execPath,
    [`--max-old-space-size=${memoryMb}`, "--disallow-code-generation-from-strings", permissionFlag(), `--allow-fs-read=${evaluator}`, "--no-warnings", evaluator],
    {
      input: JSON.stringify({ runtime, dsl, modules: authored, entry, timeoutMs }),
      encoding: "utf8",
      // The vm's own limit reports first; this one also covers what runs outside it (a huge native call).
      timeout: timeoutMs + 10_000,
      killSignal: "SIGKILL",
      maxBuffer: 1 << 30,
      // Nothing of the compiler's environment: the evaluator needs none of it.
      env: {},
      windowsHide: true,
    },
  );
  const at = { file: entry, line: 1, col: 1 };
  const failed = (code: string, message: string): Evaluation => ({ ok: false, problems: [{ code, message, pos: at }] });
  const timedOut = failed("NOROS1009", `evaluation did not finish within ${timeoutMs / 1000} s (an endless loop or recursion?)`);
  if ((child.error as { code?: string } | undefined)?.code === "ETIMEDOUT") return timedOut;
  if (child.error) throw child.error;
  if (/heap out of memory|Allocation failed/i.test(child.stderr) || (child.status !== 0 && child.signal === "SIGABRT")) {
    return failed("NOROS5010", `evaluation needed more than ${memoryMb} MB of memory (a huge array or string?) and was stopped`);
  }
  if (child.status !== 0 || child.signal !== null) {
    return failed("NOROS5011", `evaluation stopped abnormally (${child.signal ?? `exit code ${child.status}`}): ${child.stderr.trim().split("\n")[0] ?? ""}`);
  }
  // The outcome's line, then the runtime's JSON (or the crash's message) as it is.
  const newline = child.stdout.indexOf("\n");
  const kind = newline < 0 ? child.stdout : child.stdout.slice(0, newline);
  if (kind === "timeout") return timedOut;
  if (kind !== "done") throw new Error(`internal: the evaluator failed: ${kind === "crash" ? child.stdout.slice(newline + 1) : "no answer"}`);
  return decode(child.stdout.slice(newline + 1), files, maps);
}

type RawPosition = [number, number, number];
interface RawNode {
  kind: string;
  name: string;
  props: unknown;
  pos: RawPosition | null;
  propPos: Record<string, RawPosition>;
  waivers?: Array<{ rule: string | null; reason: string | null; pos: RawPosition | null }>;
}
type RawResult =
  | { ok: true; system: RawNode; constructs: RawNode[]; errors: Array<{ code: string; message: string; pos: RawPosition | null }> }
  | { ok: false; code: string; message: string; stack?: string };

function decode(raw: string, files: readonly string[], maps: ReadonlyMap<string, string>): Evaluation {
  const result = JSON.parse(raw) as RawResult;
  const position = (p: RawPosition | null): SourcePosition | undefined => decodePosition(p, files);
  if (!result.ok) {
    const pos = result.stack ? throwSite(result.stack, maps) : undefined;
    const message = result.code === "NOROS1010" ? `evaluation failed: ${result.message}` : result.message;
    return { ok: false, problems: [{ code: result.code, message, pos: pos ?? { file: files[0] as string, line: 1, col: 1 } }] };
  }
  const node = (n: RawNode): EvaluatedNode => ({
    kind: n.kind,
    name: n.name,
    props: n.props,
    pos: position(n.pos),
    propPos: new PropertyPositions(n.propPos, files),
    waivers: (n.waivers ?? []).map((w) => ({ rule: w.rule, reason: w.reason, pos: position(w.pos) })),
  });
  return {
    ok: true,
    system: node(result.system),
    constructs: result.constructs.map(node),
    problems: result.errors.map((e) => ({ code: e.code, message: e.message, pos: position(e.pos) })),
  };
}

/**
 * Where in the author's source an exception was thrown: the first stack frame in an author file. For a
 * stack overflow the innermost frame depends on how much stack was left, so the recursive call site
 * (the frame that repeats most) is reported instead: the same place every time.
 */
function throwSite(stack: string, maps: ReadonlyMap<string, string>): SourcePosition | undefined {
  const frames: SourcePosition[] = [];
  for (const match of stack.matchAll(/\(?((?:\/|[A-Za-z]:\\)[^():]+):(\d+):(\d+)\)?/g)) {
    const [, file, line, col] = match;
    const map = file ? maps.get(file) : undefined;
    if (!file || !map) continue;
    const original = originalPositionFor(new TraceMap(map), { line: Number(line), column: Number(col) - 1 });
    frames.push(original.line !== null ? { file, line: original.line, col: original.column + 1 } : { file, line: Number(line), col: Number(col) });
  }
  if (!/Maximum call stack size exceeded/.test(stack)) return frames[0];
  const counts = new Map<string, { at: SourcePosition; count: number }>();
  for (const at of frames) {
    const key = `${at.file}:${at.line}:${at.col}`;
    counts.set(key, { at, count: (counts.get(key)?.count ?? 0) + 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count)[0]?.at;
}
