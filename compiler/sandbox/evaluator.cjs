"use strict";
/**
 * The evaluator process: runs a system's transpiled modules in a fresh `node:vm` context holding only
 * the DSL, and answers with the runtime's JSON string. It is a separate Node process, started by
 * compiler/load/evaluate.ts with a heap limit (a huge allocation kills this process, never the
 * compiler), code generation from strings disabled, and Node's permission model allowing it to read
 * this one file and nothing else: no file system, no child processes, no workers, even if a value
 * from the author's code ever escaped the context.
 *
 * Input (stdin): { runtime, dsl: [{ id, code, imports }], modules: [{ file, code, table }], entry, timeoutMs }.
 * Output (stdout): one line naming the outcome ("done", "timeout" or "crash"), then the runtime's JSON
 * (done) or the error (crash) as it is: the JSON is written once and read once, never wrapped in
 * another JSON string (on a large system that would escape, copy and parse tens of megabytes twice).
 */
const vm = require("node:vm");
const { readFileSync } = require("node:fs");

const job = JSON.parse(readFileSync(0, "utf8"));

// On its own line so the transpiled code keeps its line numbers (lineOffset: -1 below).
const wrap = (code) => `(function (exports, require, module, __noros) {\n${code}\n})`;

function evaluate() {
  const context = vm.createContext(Object.create(null), {
    name: "noros system",
    codeGeneration: { strings: false, wasm: false },
    microtaskMode: "afterEvaluate",
  });
  const runtime = new vm.Script(`(function () { var exports = {};\n${job.runtime}\nreturn exports.createRuntime(globalThis); })()`, {
    filename: "noros:runtime",
  }).runInContext(context);
  for (const m of job.dsl) {
    const factory = new vm.Script(wrap(m.code), { filename: m.id, lineOffset: -1 }).runInContext(context);
    runtime.register(m.id, factory, JSON.stringify(m.imports));
  }
  for (const m of job.modules) {
    const factory = new vm.Script(wrap(m.code), { filename: m.file, lineOffset: -1 }).runInContext(context);
    runtime.register(m.file, factory, JSON.stringify(m.table));
  }
  context.__noros_run = runtime.run;
  try {
    const raw = new vm.Script(`__noros_run(${JSON.stringify(job.entry)})`, { filename: "noros:main" }).runInContext(context, { timeout: job.timeoutMs, breakOnSigint: true });
    // The runtime returns a string (a primitive): nothing of the context's object graph leaves it.
    return typeof raw === "string" ? ["done", raw] : ["crash", "the runtime did not answer with a string"];
  } catch (error) {
    const code = error && typeof error === "object" ? error.code : undefined;
    if (code === "ERR_SCRIPT_EXECUTION_TIMEOUT" || code === "ERR_SCRIPT_EXECUTION_INTERRUPTED") return ["timeout", ""];
    return ["crash", String((error && error.stack) || error)];
  }
}

const [kind, payload] = evaluate();
process.stdout.write(`${kind}\n${payload}`);
