#!/usr/bin/env node
// The installed entry point: runs the compiled CLI from dist/ (built by `npm install` via `prepare`).
import { existsSync } from "node:fs";

const cli = new URL("../dist/compiler/cli/main.js", import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write("noros: dist/ is missing; run `npm run build` in the noros package\n");
  process.exit(2);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
