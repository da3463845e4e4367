import { createRequire } from "node:module";

/**
 * Where TypeScript's JavaScript API is: the TypeScript that ts-morph bundles (TypeScript 7, the
 * project's own, is a native compiler without one). A file of its own so that the code cache can name
 * it without loading it.
 */
export function typescriptApiFile(): string {
  return createRequire(createRequire(import.meta.url).resolve("ts-morph")).resolve("@ts-morph/common/dist/typescript.js");
}
