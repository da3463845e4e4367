#!/usr/bin/env node
// The installed entry point: runs the compiled CLI from dist/ (built by `npm install` via `prepare`).
import { existsSync } from "node:fs";

const cli = new URL("../dist/compiler/cli/main.js", import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write("noros: dist/ is missing; run `npm run build` in the noros package\n");
  process.exit(2);
}
// `noros compile | head`: a reader that stops early is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}
// Only the real CLI keeps V8's compiled TypeScript between runs (tests run the CLI in-process).
const { installTypeScriptCodeCache } = await import(new URL("../dist/compiler/load/typescript-code-cache.js", import.meta.url).href);
installTypeScriptCodeCache();
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
