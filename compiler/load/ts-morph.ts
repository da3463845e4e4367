import { createRequire } from "node:module";
import type * as TsMorph from "ts-morph";

// ts-morph through `require`. When an ES module imports a CommonJS package, Node first scans that
// package's 1 MB of source for its export names, which cost about a sixth of a small system's cold
// compile. The values come from `require`; the types are ts-morph's own, re-declared under the same
// names (a name may be both a value and a type), for the parts of the API the compiler uses.
const tsMorph = createRequire(import.meta.url)("ts-morph") as typeof TsMorph;

export const Node = tsMorph.Node;
export type Node = TsMorph.Node;
export const Project = tsMorph.Project;
export type Project = TsMorph.Project;
export const SyntaxKind = tsMorph.SyntaxKind;
export type SyntaxKind = TsMorph.SyntaxKind;
export type SourceFile = TsMorph.SourceFile;
export type ResolutionHostFactory = TsMorph.ResolutionHostFactory;

export const ts = tsMorph.ts;
export declare namespace ts {
  type CompilerOptions = TsMorph.ts.CompilerOptions;
  type Expression = TsMorph.ts.Expression;
  type Node = TsMorph.ts.Node;
  type PropertyName = TsMorph.ts.PropertyName;
  type SourceFile = TsMorph.ts.SourceFile;
  type TransformerFactory<T extends TsMorph.ts.Node> = TsMorph.ts.TransformerFactory<T>;
  type TypeChecker = TsMorph.ts.TypeChecker;
  type TypeFormatFlags = TsMorph.ts.TypeFormatFlags;
}
