import { ts } from "./typescript-api.js";
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

const isDefaultLib = (file: ts.SourceFile): boolean => file.isDeclarationFile && /(^|[\\/])lib\.[^\\/]*\.d\.ts$/.test(file.fileName);

/** Does the identifier name a host global rather than something the author declared? */
function isGlobalReference(identifier: ts.Node, checker: ts.TypeChecker): boolean {
  const symbol = checker.getSymbolAtLocation(identifier);
  if (!symbol) return true; // Undeclared: it can only mean a host global.
  return (symbol.getDeclarations() ?? []).every((d) => isDefaultLib(d.getSourceFile()));
}

/** Is this identifier a use of a value (not a property name, a declaration or a type)? */
function isValueUse(node: ts.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if ((ts.isPropertyAccessExpression(parent) || ts.isPropertyAssignment(parent)) && parent.name === node) return false;
  if (ts.isPropertySignature(parent) || ts.isMethodSignature(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent)) return false;
  if (ts.isBindingElement(parent) && parent.propertyName === node) return false;
  if (ts.isTypeReferenceNode(parent) || ts.isQualifiedName(parent) || ts.isTypeQueryNode(parent)) return false;
  if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent) || ts.isImportClause(parent) || ts.isNamespaceImport(parent)) return false;
  if (ts.isVariableDeclaration(parent) || ts.isFunctionDeclaration(parent) || ts.isParameter(parent) || ts.isClassDeclaration(parent)) return parent.name !== node;
  if (ts.isLabeledStatement(parent) || ts.isBreakStatement(parent) || ts.isContinueStatement(parent)) return false;
  if (ts.isJsxAttribute(parent)) return false;
  for (let ancestor: ts.Node | undefined = parent; ancestor; ancestor = ancestor.parent) {
    if (ts.isTypeNode(ancestor) && !ts.isExpressionWithTypeArguments(ancestor)) return false;
  }
  return true;
}

/** The module a declaration imports from or re-exports, if it names one. */
function moduleSpecifierOf(statement: ts.Node): ts.Node | undefined {
  if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) return statement.moduleSpecifier;
  return undefined;
}

/** Every impurity in the file, each with its position. */
export function checkPurity(file: ts.SourceFile, checker: ts.TypeChecker): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (node: ts.Node) => {
    const { line, character } = file.getLineAndCharacterOfPosition(node.getStart(file));
    return { file: file.fileName, line: line + 1, col: character + 1 };
  };

  for (const statement of file.statements) {
    const specifier = moduleSpecifierOf(statement);
    if (specifier && ts.isStringLiteral(specifier) && !isAllowedImport(specifier.text)) {
      out.push(
        diagnostic(at(specifier), "NOROS1101", `import of "${specifier.text}" is not allowed in a system file`, {
          hint: 'a system file may import only "noros" and other .ts files next to it (relative paths)',
        }),
      );
    }
  }

  const visit = (node: ts.Node): void => {
    check(node);
    ts.forEachChild(node, visit);
  };
  const check = (node: ts.Node): void => {
    switch (node.kind) {
      case ts.SyntaxKind.ImportEqualsDeclaration:
        out.push(diagnostic(at(node), "NOROS1101", "`import x = require(...)` is not allowed in a system file", { hint: 'use `import { ... } from "noros"`' }));
        return;
      case ts.SyntaxKind.CallExpression: {
        if ((node as ts.CallExpression).expression.kind === ts.SyntaxKind.ImportKeyword) {
          out.push(diagnostic(at(node), "NOROS1103", "dynamic import() is not allowed in a system file", { hint: "import statically at the top of the file" }));
        }
        return;
      }
      case ts.SyntaxKind.MetaProperty: {
        if (node.getText(file).startsWith("import.")) {
          out.push(diagnostic(at(node), "NOROS1102", "import.meta is not available in a system file: it depends on where the file is"));
        }
        return;
      }
      case ts.SyntaxKind.Identifier: {
        const name = (node as ts.Identifier).text;
        if (name.startsWith(INSTRUMENTATION_PREFIX)) {
          out.push(diagnostic(at(node), "NOROS1104", `names starting with ${INSTRUMENTATION_PREFIX} are reserved for the compiler`));
          return;
        }
        const parent = node.parent;
        if (parent && ts.isPropertyAccessExpression(parent) && parent.name === node) {
          const reason = lookup(forbiddenMembers, name);
          if (reason !== undefined && (name !== "random" || parent.expression.getText(file) === "Math")) {
            out.push(diagnostic(at(parent), "NOROS1102", `${parent.getText(file)} is not allowed in a system file: ${reason}`));
          }
          return;
        }
        const reason = lookup(forbiddenGlobals, name);
        if (reason !== undefined && isValueUse(node) && isGlobalReference(node, checker)) {
          out.push(diagnostic(at(node), "NOROS1102", `${name} is not available in a system file: it ${reason}`, {
            hint: "a system is a pure expression; pass what varies as data in the file instead",
          }));
        }
        return;
      }
      case ts.SyntaxKind.ElementAccessExpression: {
        const argument = (node as ts.ElementAccessExpression).argumentExpression;
        const reason = ts.isStringLiteral(argument) ? lookup(forbiddenMembers, argument.text) : undefined;
        if (reason !== undefined) out.push(diagnostic(at(node), "NOROS1102", `${node.getText(file)} is not allowed in a system file: ${reason}`));
        return;
      }
      default:
        return;
    }
  };
  ts.forEachChild(file, visit);
  return out;
}

/** TypeScript's own complaints about what purity already reported ("Cannot find name 'process'", ...). */
export const supersededTypeErrors = new Set([2304, 2307, 2580, 2591, 2592, 2867, 2868]);
