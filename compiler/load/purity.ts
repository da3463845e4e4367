import { Node, SyntaxKind, type SourceFile } from "./ts-morph.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";

/**
 * Globals a system file may not touch, and why. A system is a pure expression: it must evaluate to the
 * same value on every machine, so anything that reads the environment, the clock, randomness, the
 * network or the file system, or that runs code from strings, is rejected before evaluation.
 */
const forbiddenGlobals: Record<string, string> = {
  process: "reads the environment of the machine compiling",
  require: "loads arbitrary modules",
  module: "is Node's module object",
  exports: "is Node's module object",
  __dirname: "depends on where the file is",
  __filename: "depends on where the file is",
  global: "reaches the host's globals",
  globalThis: "reaches the host's globals",
  window: "is a browser global",
  fetch: "reads the network",
  XMLHttpRequest: "reads the network",
  WebSocket: "reads the network",
  Date: "reads the clock",
  performance: "reads the clock",
  eval: "runs code from strings",
  Function: "runs code from strings",
  setTimeout: "schedules work outside the expression",
  setInterval: "schedules work outside the expression",
  setImmediate: "schedules work outside the expression",
  queueMicrotask: "schedules work outside the expression",
  clearTimeout: "schedules work outside the expression",
  clearInterval: "schedules work outside the expression",
  Buffer: "is Node's binary API",
  crypto: "reads randomness",
  WebAssembly: "runs code outside the expression",
  Proxy: "makes values that run code when read",
  Reflect: "reaches past the data the system describes",
  Atomics: "shares memory",
  SharedArrayBuffer: "shares memory",
  Intl: "depends on the machine's locale",
  Promise: "defers work outside the expression",
  ArrayBuffer: "holds binary memory outside the evaluator's limits",
  DataView: "holds binary memory outside the evaluator's limits",
  Int8Array: "holds binary memory outside the evaluator's limits",
  Uint8Array: "holds binary memory outside the evaluator's limits",
  Uint8ClampedArray: "holds binary memory outside the evaluator's limits",
  Int16Array: "holds binary memory outside the evaluator's limits",
  Uint16Array: "holds binary memory outside the evaluator's limits",
  Int32Array: "holds binary memory outside the evaluator's limits",
  Uint32Array: "holds binary memory outside the evaluator's limits",
  Float32Array: "holds binary memory outside the evaluator's limits",
  Float64Array: "holds binary memory outside the evaluator's limits",
  BigInt64Array: "holds binary memory outside the evaluator's limits",
  BigUint64Array: "holds binary memory outside the evaluator's limits",
  WeakRef: "observes the garbage collector",
  FinalizationRegistry: "observes the garbage collector",
};

/** Methods whose result depends on the machine (locale, randomness). */
const forbiddenMembers: Record<string, string> = {
  random: "Math.random() differs on every run",
  toLocaleString: "depends on the machine's locale",
  toLocaleDateString: "depends on the machine's locale",
  toLocaleTimeString: "depends on the machine's locale",
  localeCompare: "depends on the machine's locale",
  constructor: "reaches past the data into the evaluator's internals",
  __proto__: "reaches past the data into the evaluator's internals",
};

const lookup = (table: Record<string, string>, key: string): string | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

const INSTRUMENTATION_PREFIX = "__noros";

export function isAllowedImport(specifier: string): boolean {
  return specifier === "noros" || specifier.startsWith("./") || specifier.startsWith("../");
}

const isDefaultLib = (file: SourceFile): boolean => file.isDeclarationFile() && /(^|[\\/])lib\.[^\\/]*\.d\.ts$/.test(file.getFilePath());

/** Does the identifier name a host global rather than something the author declared? */
function isGlobalReference(identifier: Node): boolean {
  const symbol = identifier.getSymbol();
  if (!symbol) return true; // Undeclared: it can only mean a host global.
  return symbol.getDeclarations().every((d) => isDefaultLib(d.getSourceFile()));
}

/** Is this identifier a use of a value (not a property name, a declaration or a type)? */
function isValueUse(node: Node): boolean {
  const parent = node.getParent();
  if (!parent) return false;
  if (Node.isPropertyAccessExpression(parent) && parent.getNameNode() === node) return false;
  if (Node.isPropertyAssignment(parent) && parent.getNameNode() === node) return false;
  if (Node.isPropertySignature(parent) || Node.isMethodSignature(parent) || Node.isPropertyDeclaration(parent) || Node.isMethodDeclaration(parent)) {
    return false;
  }
  if (Node.isBindingElement(parent) && parent.getPropertyNameNode() === node) return false;
  if (Node.isTypeReference(parent) || Node.isQualifiedName(parent) || Node.isTypeQuery(parent)) return false;
  if (Node.isImportSpecifier(parent) || Node.isExportSpecifier(parent) || Node.isImportClause(parent) || Node.isNamespaceImport(parent)) return false;
  if (Node.isVariableDeclaration(parent) || Node.isFunctionDeclaration(parent) || Node.isParameterDeclaration(parent) || Node.isClassDeclaration(parent)) {
    return (parent as { getNameNode?: () => Node }).getNameNode?.() !== node;
  }
  if (Node.isLabeledStatement(parent) || Node.isBreakStatement(parent) || Node.isContinueStatement(parent)) return false;
  if (Node.isJsxAttribute(parent)) return false;
  return !node.getFirstAncestor((a) => Node.isTypeNode(a) && !Node.isExpressionWithTypeArguments(a));
}

/** Every impurity in the file, each with its position. */
export function checkPurity(file: SourceFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (node: Node) => {
    const { line, column } = file.getLineAndColumnAtPos(node.getStart());
    return { file: file.getFilePath(), line, col: column };
  };

  for (const declaration of [...file.getImportDeclarations(), ...file.getExportDeclarations()]) {
    const specifier = declaration.getModuleSpecifierValue();
    if (specifier !== undefined && !isAllowedImport(specifier)) {
      out.push(
        diagnostic(at(declaration.getModuleSpecifier() ?? declaration), "NOROS1101", `import of "${specifier}" is not allowed in a system file`, {
          hint: 'a system file may import only "noros" and other .ts files next to it (relative paths)',
        }),
      );
    }
  }

  file.forEachDescendant((node) => {
    switch (node.getKind()) {
      case SyntaxKind.ImportEqualsDeclaration:
        out.push(diagnostic(at(node), "NOROS1101", "`import x = require(...)` is not allowed in a system file", { hint: 'use `import { ... } from "noros"`' }));
        return;
      case SyntaxKind.CallExpression: {
        const call = node.asKindOrThrow(SyntaxKind.CallExpression);
        if (call.getExpression().getKind() === SyntaxKind.ImportKeyword) {
          out.push(diagnostic(at(node), "NOROS1103", "dynamic import() is not allowed in a system file", { hint: "import statically at the top of the file" }));
        }
        return;
      }
      case SyntaxKind.MetaProperty: {
        const text = node.getText();
        if (text.startsWith("import.")) {
          out.push(diagnostic(at(node), "NOROS1102", "import.meta is not available in a system file: it depends on where the file is"));
        }
        return;
      }
      case SyntaxKind.Identifier: {
        const name = node.getText();
        if (name.startsWith(INSTRUMENTATION_PREFIX)) {
          out.push(diagnostic(at(node), "NOROS1104", `names starting with ${INSTRUMENTATION_PREFIX} are reserved for the compiler`));
          return;
        }
        const parent = node.getParent();
        if (parent && Node.isPropertyAccessExpression(parent) && parent.getNameNode() === node) {
          const reason = lookup(forbiddenMembers, name);
          if (reason !== undefined && (name !== "random" || parent.getExpression().getText() === "Math")) {
            out.push(diagnostic(at(parent), "NOROS1102", `${parent.getText()} is not allowed in a system file: ${reason}`));
          }
          return;
        }
        const reason = lookup(forbiddenGlobals, name);
        if (reason !== undefined && isValueUse(node) && isGlobalReference(node)) {
          out.push(diagnostic(at(node), "NOROS1102", `${name} is not available in a system file: it ${reason}`, {
            hint: "a system is a pure expression; pass what varies as data in the file instead",
          }));
        }
        return;
      }
      case SyntaxKind.ElementAccessExpression: {
        const access = node.asKindOrThrow(SyntaxKind.ElementAccessExpression);
        const argument = access.getArgumentExpression();
        const reason = argument && Node.isStringLiteral(argument) ? lookup(forbiddenMembers, argument.getLiteralValue()) : undefined;
        if (reason !== undefined) out.push(diagnostic(at(node), "NOROS1102", `${node.getText()} is not allowed in a system file: ${reason}`));
        return;
      }
      default:
        return;
    }
  });
  return out;
}

/** TypeScript's own complaints about what purity already reported ("Cannot find name 'process'", ...). */
export const supersededTypeErrors = new Set([2304, 2307, 2580, 2591, 2592, 2867, 2868]);
