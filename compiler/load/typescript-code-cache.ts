import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import path from "node:path";
import vm from "node:vm";
import { cacheDirectory } from "../cache/compile-cache.js";
import { sha256 } from "../util/hash.js";
import { typescriptApiFile } from "./typescript-api-file.js";

interface CompilableModule {
  exports: unknown;
  _compile(content: string, filename: string): unknown;
}

/**
 * Keeps V8's compiled code of TypeScript (9 MB of JavaScript, which ts-morph bundles) between runs of
 * the CLI. Compiling it is about a third of a small system's cold compile; with the cache V8 only
 * deserialises. Only that one file is affected, only when it is first required (a compile served
 * from the compile cache never loads it), and V8 itself rejects a cache made by another Node or from
 * other source, in which case the file is compiled as usual and the cache rewritten.
 */
export function installTypeScriptCodeCache(): void {
  if (process.env.NOROS_NO_CODE_CACHE === "1") return;
  let target: string;
  try {
    target = typescriptApiFile();
  } catch {
    return; // Another layout than the one this was written for: nothing to speed up.
  }
  const prototype = Module.prototype as unknown as CompilableModule;
  const original = prototype._compile;
  prototype._compile = function compile(this: CompilableModule, content: string, filename: string): unknown {
    if (filename !== target) return original.call(this, content, filename);
    prototype._compile = original;
    return compileWithCache(this, content, filename);
  };
}

function cacheFile(filename: string): string {
  const { size, mtimeMs } = statSync(filename);
  const key = sha256([process.version, process.arch, filename, size, mtimeMs].join("\u0000")).slice(0, 16);
  return path.join(cacheDirectory(), `typescript-${key}.v8cache`);
}

function compileWithCache(module: CompilableModule, content: string, filename: string): unknown {
  const file = cacheFile(filename);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(file);
  } catch {
    cachedData = undefined; // First run with this Node and this TypeScript.
  }
  const script = new vm.Script(Module.wrap(content), { filename, cachedData });
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => unknown;
  const result = wrapper.call(module.exports, module.exports, createRequire(filename), module, filename, path.dirname(filename));
  if (cachedData === undefined || script.cachedDataRejected === true) {
    // At exit the cache also holds the functions this run compiled lazily, which is what the next
    // compile will call again.
    process.once("exit", () => {
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        const temporary = `${file}.${process.pid}.tmp`;
        writeFileSync(temporary, script.createCachedData());
        renameSync(temporary, file);
      } catch {
        // A cache that cannot be written only costs the next run its speed.
      }
    });
  }
  return result;
}
