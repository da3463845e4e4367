import { createRequire } from "node:module";
import type { ts as TypeScript } from "ts-morph";
import { typescriptApiFile } from "./typescript-api-file.js";

// TypeScript's JavaScript API (see typescript-api-file.ts), loaded alone and with `require`: ts-morph's
// own 4 MB around it would double the time a compile spends loading TypeScript, and an ES import would
// make Node scan the CommonJS for its export names first. The value is TypeScript's; the types are
// re-declared under the same name (a name may be both a value and a namespace), for the part of the API
// the compiler uses.
export const ts = createRequire(import.meta.url)(typescriptApiFile()) as typeof TypeScript;
export declare namespace ts {
  type CallExpression = TypeScript.CallExpression;
  type CompilerOptions = TypeScript.CompilerOptions;
  type ElementAccessExpression = TypeScript.ElementAccessExpression;
  type Expression = TypeScript.Expression;
  type Identifier = TypeScript.Identifier;
  type Node = TypeScript.Node;
  type Program = TypeScript.Program;
  type PropertyName = TypeScript.PropertyName;
  type SourceFile = TypeScript.SourceFile;
  type TransformerFactory<T extends TypeScript.Node> = TypeScript.TransformerFactory<T>;
  type TypeChecker = TypeScript.TypeChecker;
}
