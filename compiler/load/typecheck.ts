import path from "node:path";
import { Project, ts, type ResolutionHostFactory, type SourceFile } from "./ts-morph.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { isCurrent } from "../util/is-current.js";
import { packageRoot } from "../util/package-root.js";
import { DSL_TYPES_DIR } from "./dsl-declarations.js";
import { nativeTypeErrors } from "./native-typecheck.js";

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

/**
 * Only relative imports lead to more of the author's files. "noros" stays unresolved: resolved, it
 * would load the DSL's sources whenever the system file sits inside a package named noros (as the
 * examples do), which took half a second.
 */
const relativeImportsOnly: ResolutionHostFactory = (host, compilerOptions) => ({
  resolveModuleNames: (names, containingFile) =>
    names.map((name) => (name.startsWith("./") || name.startsWith("../") ? ts.resolveModuleName(name, containingFile, compilerOptions(), host).resolvedModule : undefined)),
});

export interface CheckedProgram {
  /** The entry file first, then every relative import it reaches, each once. */
  readonly authorFiles: readonly SourceFile[];
  readonly typeErrors: ReadonlyArray<{ readonly diagnostic: Diagnostic; readonly tsCode: number }>;
  readonly dslEntry: string;
}

function isAuthorFile(file: SourceFile, root: string): boolean {
  const filePath = path.normalize(file.getFilePath());
  return !file.isDeclarationFile() && !filePath.startsWith(path.join(root, "dsl", path.sep)) && !filePath.includes(`${path.sep}node_modules${path.sep}`);
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

/** Reports every type error of the author's files at once, as diagnostics with file:line:col. */
export function typecheck(entry: string, dslEntry: string = dslTypes(packageRoot())): CheckedProgram {
  const root = packageRoot();
  const project = new Project({ compilerOptions: authorFilesOptions, resolutionHost: relativeImportsOnly, skipAddingFilesFromTsConfig: true });
  const entryFile = project.addSourceFileAtPath(entry);
  project.resolveSourceFileDependencies();
  const authorFiles = [entryFile, ...project.getSourceFiles().filter((f) => f !== entryFile && isAuthorFile(f, root))];

  const authorPaths = new Set(authorFiles.map((f) => path.normalize(f.getFilePath())));
  const typeErrors = nativeTypeErrors(entryFile.getFilePath(), authorCompilerOptions(dslEntry))
    .filter((e) => authorPaths.has(path.normalize(e.file)))
    .map((e) => ({ diagnostic: toDiagnostic(e), tsCode: e.code }));
  return { authorFiles, typeErrors, dslEntry };
}

function toDiagnostic(e: { file: string; line: number; col: number; code: number; message: string }): Diagnostic {
  // Syntax errors get their own code: they mean the file could not even be read as TypeScript.
  const syntax = e.code >= 1000 && e.code < 2000;
  return diagnostic({ file: e.file, line: e.line, col: e.col }, syntax ? "NOROS1004" : "NOROS1005", `${e.message} (TS${e.code})`);
}
