import path from "node:path";
import { Project, ts, type SourceFile } from "ts-morph";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { isCurrent } from "../util/is-current.js";
import { packageRoot } from "../util/package-root.js";
import { DSL_TYPES_DIR } from "./dsl-declarations.js";

/** The options a system file is checked with: strict, no DOM, no Node, "noros" mapped to the compiler's own DSL. */
function authorCompilerOptions(dslEntry: string): ts.CompilerOptions {
  return {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    lib: ["lib.es2022.d.ts"],
    types: [],
    skipLibCheck: true,
    paths: { noros: [dslEntry] },
  };
}

export interface CheckedProgram {
  readonly project: Project;
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
  const project = new Project({ compilerOptions: authorCompilerOptions(dslEntry), skipAddingFilesFromTsConfig: true });
  const entryFile = project.addSourceFileAtPath(entry);
  project.resolveSourceFileDependencies();

  const authorFiles = [entryFile, ...project.getSourceFiles().filter((f) => f !== entryFile && isAuthorFile(f, root))];
  const program = project.getProgram().compilerObject;
  const typeErrors: Array<{ diagnostic: Diagnostic; tsCode: number }> = [];
  for (const file of authorFiles) {
    const compiled = file.compilerNode;
    const all = [...program.getSyntacticDiagnostics(compiled), ...program.getSemanticDiagnostics(compiled)];
    for (const d of all) typeErrors.push({ diagnostic: toDiagnostic(d, file.getFilePath()), tsCode: d.code });
  }
  return { project, authorFiles, typeErrors, dslEntry };
}

function toDiagnostic(d: ts.Diagnostic, fallbackFile: string): Diagnostic {
  const message = ts.flattenDiagnosticMessageText(d.messageText, " ");
  const file = d.file?.fileName ?? fallbackFile;
  const { line, character } = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : { line: 0, character: 0 };
  // Syntax errors get their own code: they mean the file could not even be read as TypeScript.
  const syntax = d.code >= 1000 && d.code < 2000;
  return diagnostic({ file, line: line + 1, col: character + 1 }, syntax ? "NOROS1004" : "NOROS1005", `${message} (TS${d.code})`);
}
