// What bin/noros.js runs: the CLI with the code cache of TypeScript, bundled into dist/cli/noros-cli.js by
// scripts/bundle-cli.ts. Only the installed CLI keeps that cache (tests run the CLI in-process).
export { main } from "./main.js";
export { installTypeScriptCodeCache } from "../load/typescript-code-cache.js";
