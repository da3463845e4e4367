#!/usr/bin/env node
// The installed entry point: runs the CLI bundled in dist/ (built by `npm install` via `prepare`).
import { existsSync } from "node:fs";

const cli = new URL("../dist/cli/noros-cli.js", import.meta.url);
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
const { installTypeScriptCodeCache, main } = await import(cli.href);
installTypeScriptCodeCache();
process.exitCode = await main(process.argv.slice(2));
