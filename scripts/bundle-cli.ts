/**
 * The third step of `npm run build`: the CLI as a few ES modules, dist/cli/noros-cli.js and its chunks,
 * which bin/noros.js runs. Node loads the compiler's 350 modules (zod alone is 94, most of them locales
 * no compile uses) one by one, resolving, reading and linking each: a third of a small system's cold
 * compile. Bundled, that is a few files, and what no command reaches is left out. What is loaded with
 * `require` at run time stays outside (TypeScript's 9 MB, which the code cache keeps compiled, and the
 * native compiler's package), as do the packages only some commands use and that find files next to
 * themselves (prettier, the graph renderer's WebAssembly, tsx).
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";
import { packageRoot } from "../compiler/util/package-root.js";

const root = packageRoot();
const outdir = path.join(root, "dist", "cli");
// Chunks are named by their content: the last build's would stay beside this one's.
rmSync(outdir, { recursive: true, force: true });
buildSync({
  entryPoints: [path.join(root, "dist", "compiler", "cli", "installed.js")],
  outdir,
  entryNames: "noros-cli",
  // What a command imports only when it runs is a chunk of its own: a compile answered from the cache
  // never loads the compiler's modules.
  splitting: true,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: ["ts-morph", "typescript", "prettier", "@hpcc-js/wasm-graphviz", "tsx", "tsx/*"],
  // Bundled CommonJS (commander, handlebars) requires Node's own modules, which an ES module has no
  // `require` for: give it one.
  banner: { js: 'import { createRequire as __norosCreateRequire } from "node:module";\nconst require = __norosCreateRequire(import.meta.url);' },
  legalComments: "none",
  logLevel: "warning",
});
