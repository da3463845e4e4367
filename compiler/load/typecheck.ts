import path from "node:path";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { isCurrent } from "../util/is-current.js";
import { packageRoot } from "../util/package-root.js";
import { nativeTypeErrors } from "./native-typecheck.js";
import { ts } from "./typescript-api.js";

/** Where `npm run build` writes the DSL's declarations with zod's types spelled out (dsl-declarations.ts). */
export const DSL_TYPES_DIR = path.join("dist", "dsl-types");

/**
 * The options a system file is type-checked with (tsconfig.json spelling): strict, no DOM, no Node,
 * "noros" mapped to the compiler's own DSL.
 */
function authorCompilerOptions(dslEntry: string): Record<string, unknown> {
  return {
    strict: true,
    noEmit: true,
    target: "es2022",
    module: "esnext",
    moduleResolution: "bundler",
    allowImportingTsExtensions: true,
    lib: ["es2022"],
    types: [],
    skipLibCheck: true,
    paths: { noros: [dslEntry] },
  };
}

/**
 * The in-process view of the author's files, for the purity check, the import table and the sources:
 * their syntax and their own declarations only. Without TypeScript's lib and the DSL's declarations a
 * name that the author did not declare has no symbol, which is all the purity check asks of symbols.
 */
const authorFilesOptions: ts.CompilerOptions = {
  noEmit: true,
  noLib: true,
  types: [],
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
};

/** One of the author's files as TypeScript read it. */
export interface AuthorFile {
  readonly file: string;
  readonly text: string;
  readonly sourceFile: ts.SourceFile;
  /** Relative import specifier -> absolute path of the author file it resolves to. */
  readonly imports: ReadonlyMap<string, string>;
}

export interface CheckedProgram {
  /** The entry file first, then every relative import it reaches, each once. */
  readonly authorFiles: readonly AuthorFile[];
  readonly checker: ts.TypeChecker;
  readonly typeErrors: ReadonlyArray<{ readonly diagnostic: Diagnostic; readonly tsCode: number }>;
  readonly dslEntry: string;
}

function isAuthorFile(file: ts.SourceFile, root: string): boolean {
  const filePath = path.normalize(file.fileName);
  return !file.isDeclarationFile && !filePath.startsWith(path.join(root, "dsl", path.sep)) && !filePath.includes(`${path.sep}node_modules${path.sep}`);
}

/**
 * What "noros" means to the type-checker: the pre-built declarations when they are current (about three
 * times faster to check against, see dsl-declarations.ts), else the DSL's sources themselves, as in a
 * checkout whose dsl/ was edited after the last build.
 */
function dslTypes(root: string): string {
  const built = path.join(root, DSL_TYPES_DIR, "index.d.ts");
  return isCurrent(built, [path.join(root, "dsl")]) ? built : path.join(root, "dsl", "index.ts");
}

/**
 * The program of the author's files. Only relative imports lead to more of them; "noros" stays
 * unresolved: resolved, it would load the DSL's sources whenever the system file sits inside a package
 * named noros (as the examples do), which took half a second.
 */
function authorProgram(entry: string): { program: ts.Program; imports: Map<string, Map<string, string>> } {
  const host = ts.createCompilerHost(authorFilesOptions, true);
  const imports = new Map<string, Map<string, string>>();
  host.resolveModuleNameLiterals = (literals, containingFile, _redirect, options) =>
    literals.map(({ text }) => {
      const relative = text.startsWith("./") || text.startsWith("../");
      const resolved = relative ? ts.resolveModuleName(text, containingFile, options, host).resolvedModule : undefined;
      if (resolved) {
        const table = imports.get(containingFile) ?? new Map<string, string>();
        table.set(text, resolved.resolvedFileName);
        imports.set(containingFile, table);
      }
      return { resolvedModule: resolved };
    });
  return { program: ts.createProgram([entry], authorFilesOptions, host), imports };
}

/** Reports every type error of the author's files at once, as diagnostics with file:line:col. */
export function typecheck(entry: string, dslEntry: string = dslTypes(packageRoot())): CheckedProgram {
  const root = packageRoot();
  const absolute = path.resolve(entry);
  const { program, imports } = authorProgram(absolute);
  const entryFile = program.getSourceFile(absolute);
  if (!entryFile) throw new Error(`internal: TypeScript did not read ${absolute}`);
  const sourceFiles = [entryFile, ...program.getSourceFiles().filter((f) => f !== entryFile && isAuthorFile(f, root))];
  const authorFiles = sourceFiles.map((sourceFile) => ({
    file: path.normalize(sourceFile.fileName),
    text: sourceFile.text,
    sourceFile,
    imports: imports.get(sourceFile.fileName) ?? new Map<string, string>(),
  }));

  const authorPaths = new Set(authorFiles.map((f) => f.file));
  const typeErrors = nativeTypeErrors(absolute, authorCompilerOptions(dslEntry))
    .filter((e) => authorPaths.has(path.normalize(e.file)))
    .map((e) => ({ diagnostic: toDiagnostic(e), tsCode: e.code }));
  return { authorFiles, checker: program.getTypeChecker(), typeErrors, dslEntry };
}

function toDiagnostic(e: { file: string; line: number; col: number; code: number; message: string }): Diagnostic {
  // Syntax errors get their own code: they mean the file could not even be read as TypeScript.
  const syntax = e.code >= 1000 && e.code < 2000;
  return diagnostic({ file: e.file, line: e.line, col: e.col }, syntax ? "NOROS1004" : "NOROS1005", `${e.message} (TS${e.code})`);
}
