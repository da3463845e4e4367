import { ts } from "./typescript-api.js";

/**
 * Transpiles one file to a CommonJS function body for the sandbox. Author files are instrumented so
 * that every object literal, array literal and plain call records where it was written: this is how a
 * validation error points at the offending property's line and column, even for values built by helper
 * functions in other files.
 */
export interface Transpiled {
  readonly code: string;
  readonly sourceMap: string;
}

const TRACKER = "__noros";

function positionOf(node: ts.Node, file: ts.SourceFile): [number, number] {
  const { line, character } = file.getLineAndCharacterOfPosition(node.getStart(file));
  return [line + 1, character + 1];
}

function propertyKey(name: ts.PropertyName | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  return undefined;
}

function positionTransformer(fileIndex: number): ts.TransformerFactory<ts.SourceFile> {
  return (context) => (sourceFile) => {
    const f = context.factory;
    const num = (n: number) => f.createNumericLiteral(n);
    const track = (method: string, args: ts.Expression[]) =>
      f.createCallExpression(f.createPropertyAccessExpression(f.createIdentifier(TRACKER), method), undefined, args);

    const visit = (node: ts.Node): ts.Node => {
      if (ts.isObjectLiteralExpression(node)) {
        const keys: ts.Expression[] = [];
        for (const property of node.properties) {
          const key =
            ts.isShorthandPropertyAssignment(property) ? property.name.text : propertyKey((property as { name?: ts.PropertyName }).name);
          if (key === undefined) continue;
          const [line, col] = positionOf(property, sourceFile);
          keys.push(f.createArrayLiteralExpression([f.createStringLiteral(key), num(line), num(col)]));
        }
        const [line, col] = positionOf(node, sourceFile);
        const inner = ts.visitEachChild(node, visit, context);
        return track("object", [inner, num(fileIndex), num(line), num(col), f.createArrayLiteralExpression(keys)]);
      }
      if (ts.isArrayLiteralExpression(node)) {
        const elements: ts.Expression[] = [];
        for (const element of node.elements) {
          if (ts.isSpreadElement(element)) break; // Indexes after a spread are unknown statically.
          const [line, col] = positionOf(element, sourceFile);
          elements.push(f.createArrayLiteralExpression([num(line), num(col)]));
        }
        const [line, col] = positionOf(node, sourceFile);
        const inner = ts.visitEachChild(node, visit, context);
        return track("array", [inner, num(fileIndex), num(line), num(col), f.createArrayLiteralExpression(elements)]);
      }
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && !node.questionDotToken) {
        const [line, col] = positionOf(node, sourceFile);
        const args = node.arguments.map((a) => ts.visitNode(a, visit) as ts.Expression);
        return track("call", [node.expression, num(fileIndex), num(line), num(col), ...args]);
      }
      // `namespace.constructor(...)` (`raw.terraform(...)`): the construct's position is this call too.
      if (ts.isCallExpression(node) && !node.questionDotToken && ts.isPropertyAccessExpression(node.expression) && ts.isIdentifier(node.expression.expression) && ts.isIdentifier(node.expression.name) && !node.expression.questionDotToken) {
        const [line, col] = positionOf(node, sourceFile);
        const args = node.arguments.map((a) => ts.visitNode(a, visit) as ts.Expression);
        const target = ts.visitNode(node.expression.expression, visit) as ts.Expression;
        return track("method", [target, f.createStringLiteral(node.expression.name.text), num(fileIndex), num(line), num(col), ...args]);
      }
      return ts.visitEachChild(node, visit, context);
    };
    return ts.visitNode(sourceFile, visit) as ts.SourceFile;
  };
}

const baseOptions: ts.CompilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  sourceMap: true,
  esModuleInterop: false,
  verbatimModuleSyntax: false,
  isolatedModules: true,
};

/** An author file, instrumented with position tracking. */
export function transpileAuthorFile(source: string, fileName: string, fileIndex: number): Transpiled {
  const result = ts.transpileModule(source, {
    compilerOptions: baseOptions,
    fileName,
    transformers: { before: [positionTransformer(fileIndex)] },
  });
  return { code: result.outputText, sourceMap: result.sourceMapText ?? "" };
}

/** A DSL file: not instrumented, its positions are never reported. */
export function transpileLibraryFile(source: string, fileName: string): Transpiled {
  const result = ts.transpileModule(source, { compilerOptions: { ...baseOptions, sourceMap: false }, fileName });
  return { code: result.outputText, sourceMap: "" };
}
