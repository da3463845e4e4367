/**
 * The second step of `npm run build`: what every compile would otherwise derive from noros's own
 * sources again — the DSL's declarations with zod's types spelled out (dist/dsl-types/) and the
 * sandbox's transpiled library (dist/sandbox-library.json). Both are used only while current.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { packageRoot } from "../util/package-root.js";
import { writeDslDeclarations } from "./dsl-declarations.js";
import { SANDBOX_LIBRARY_FILE, transpileSandboxLibrary } from "./evaluate.js";

const root = packageRoot();
writeDslDeclarations(root);
writeFileSync(path.join(root, SANDBOX_LIBRARY_FILE), JSON.stringify(transpileSandboxLibrary(root)));
