/**
 * The second step of `npm run build`: what every compile would otherwise derive from noros's own
 * sources again — the DSL's declarations with zod's types spelled out (dist/dsl-types/), the
 * sandbox's transpiled library (dist/sandbox-library.json) and the provider schemas packed for
 * reading in part (dist/provider-schemas/). Each is used only while current.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { packageRoot } from "../util/package-root.js";
import { writeDslDeclarations } from "./dsl-declarations.js";
import { SANDBOX_LIBRARY_FILE, transpileSandboxLibrary } from "./evaluate.js";
import { PACKED_SCHEMAS_DIR, packProviderSchema, providerFiles, readSourceSchema } from "../../targets/terraform/schema/provider-schema.js";

const root = packageRoot();
writeDslDeclarations(root);
writeFileSync(path.join(root, SANDBOX_LIBRARY_FILE), JSON.stringify(transpileSandboxLibrary(root)));
mkdirSync(path.join(root, PACKED_SCHEMAS_DIR), { recursive: true });
for (const file of Object.values(providerFiles)) writeFileSync(path.join(root, PACKED_SCHEMAS_DIR, file), packProviderSchema(readSourceSchema(root, file)));
