import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";

/** One error of TypeScript's, where it points; `message` is the whole chain on one line. */
export interface NativeTypeError {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly code: number;
  readonly message: string;
}

let executable: string | undefined;

/**
 * The native TypeScript compiler (TypeScript 7) that the typescript package installs for this platform,
 * as its own launcher finds it. Run directly, without that launcher's extra Node process.
 */
export function nativeTsc(): string {
  return (executable ??= nativeTscFor(process.platform, process.arch));
}

export function nativeTscFor(platform: string, arch: string): string {
  const name = `@typescript/typescript-${platform}-${arch}`;
  let manifest: string;
  try {
    const fromTypescript = createRequire(createRequire(import.meta.url).resolve("typescript/package.json"));
    manifest = fromTypescript.resolve(`${name}/package.json`);
  } catch {
    throw new Error(
      `TypeScript's native compiler for ${platform}-${arch} (${name}) is not installed: npm installs it with typescript as an optional dependency, unless optional dependencies are left out or the platform has none`,
    );
  }
  return path.join(path.dirname(manifest), "lib", platform === "win32" ? "tsc.exe" : "tsc");
}

const DIAGNOSTIC_LINE = /^(.*)\((\d+),(\d+)\): error TS(\d+): (.*)$/;

/**
 * Every type error of the program rooted at `entry`, checked by the native compiler with these options
 * (tsconfig.json spelling). It checks a small system in a tenth of the time the JavaScript compiler
 * takes in-process, most of which went to parsing and binding TypeScript's lib declarations.
 */
export function nativeTypeErrors(entry: string, compilerOptions: Record<string, unknown>): NativeTypeError[] {
  const dir = mkdtempSync(path.join(tmpdir(), "noros-tsc-"));
  try {
    const config = path.join(dir, "tsconfig.json");
    writeFileSync(config, JSON.stringify({ compilerOptions, files: [entry] }));
    // tsc names files relative to its working directory: the entry's, resolved back below.
    const cwd = path.dirname(entry);
    const run = spawnSync(nativeTsc(), ["-p", config, "--pretty", "false"], { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, windowsHide: true });
    if (run.error) throw new Error(`internal: the TypeScript compiler could not run: ${run.error.message}`);
    const errors = parseDiagnostics(run.stdout, cwd);
    if (run.status !== 0 && errors.length === 0) {
      throw new Error(`internal: the TypeScript compiler failed (exit ${run.status}): ${(run.stdout + run.stderr).trim()}`);
    }
    return errors;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** tsc's `--pretty false` lines: `file(line,col): error TSn: message`, its chain indented below it. */
export function parseDiagnostics(output: string, cwd: string): NativeTypeError[] {
  const errors: NativeTypeError[] = [];
  let current: { file: string; line: number; col: number; code: number; parts: string[] } | undefined;
  const flush = () => {
    if (current) errors.push({ file: current.file, line: current.line, col: current.col, code: current.code, message: current.parts.join(" ") });
    current = undefined;
  };
  for (const line of output.split(/\r?\n/)) {
    const match = DIAGNOSTIC_LINE.exec(line);
    if (match) {
      flush();
      const [, file, at, col, code, message] = match as unknown as [string, string, string, string, string, string];
      current = { file: path.resolve(cwd, file), line: Number(at), col: Number(col), code: Number(code), parts: [message] };
    } else if (current && line.startsWith(" ")) {
      current.parts.push(line); // Keeps its indentation, as TypeScript's own flattening does.
    } else {
      flush();
    }
  }
  flush();
  return errors;
}
