import path from "node:path";
import { Command, CommanderError } from "commander";
import { DiagnosticsError } from "../diagnostics/diagnostic.js";
import { packageVersion } from "../util/package-root.js";
import { EXIT_INTERNAL_ERROR, EXIT_OK, EXIT_USER_ERROR } from "./exit-codes.js";
import { diagnosticsJson, printDiagnostics, processIo, type Io } from "./output.js";

/** The command tree; `docs/cli.md` is generated from it, so help and docs cannot drift. */
export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command()
    .name("noros")
    .description("Compile one pure, typed TypeScript system description into Terraform, NixOS configurations and Dockerfiles.")
    .version(packageVersion(), "-V, --version")
    .showHelpAfterError()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();

  program
    .command("compile")
    .description("check a system file and write its artefacts (all or nothing)")
    .argument("[file]", "the system file; default: the single *.noros.ts in the current directory")
    .option("-o, --out <dir>", "output directory", "out")
    .option("--target <list>", "comma-separated targets: terraform,nix,docker,github (default: all)")
    .option("--json", "print the result as JSON")
    .option("--no-cache", "compile even if the system and noros are unchanged since the last compile")
    .option("--no-test", "leave the test stage out of services' Dockerfiles (their `test` commands do not run when the images are built)")
    .option("--hcl", "write the Terraform configuration as .tf files in HCL, one per concern, instead of main.tf.json")
    .option("--watch", "compile again whenever a source file of the system changes")
    .option("--progress", "print a line per finished phase on stderr (on a terminal a status line appears by itself when a compile takes more than a second)")
    .addHelpText("after", "\nExamples:\n  $ noros compile\n  $ noros compile examples/hello/hello.noros.ts -o out/hello\n  $ noros compile --target terraform --json\n  $ noros compile --hcl")
    .action(async (file: string | undefined, options: { out: string; target?: string; json?: boolean; cache?: boolean; test?: boolean; hcl?: boolean; watch?: boolean; progress?: boolean }) => {
      jsonMode = options.json === true;
      const { parseTargets, runCompile } = await import("./commands/compile.js");
      if (options.watch) {
        const { runWatch } = await import("./commands/watch.js");
        setExit(await runWatch(file, { out: options.out, targets: parseTargets(options.target), skipTests: options.test === false, hcl: options.hcl === true }, io));
        return;
      }
      setExit(await runCompile(file, options, io));
    });

  program
    .command("check")
    .description("type-check, validate and resolve a system, and check its Terraform against the provider schemas; writes nothing")
    .argument("[file]", "the system file; default: the single *.noros.ts in the current directory")
    .option("--json", "print the result as JSON")
    .addHelpText("after", "\nExamples:\n  $ noros check\n  $ noros check bucket-host.noros.ts --json")
    .action(async (file: string | undefined, options: { json?: boolean }) => {
      jsonMode = options.json === true;
      // Loaded on demand: the type-checker is heavy, and a cached compile never needs it.
      const { runCheck } = await import("./commands/check.js");
      setExit(runCheck(file, options, io));
    });

  program
    .command("graph")
    .description("draw the resolved system: constructs, references, derived permissions and network flows")
    .argument("[file]", "the system file; default: the single *.noros.ts in the current directory")
    .option("--format <format>", "one of mermaid, dot, svg", "mermaid")
    .option("--output <file>", "write to a file instead of standard output")
    .addHelpText("after", "\nExamples:\n  $ noros graph\n  $ noros graph --format svg --output system.svg")
    .action(async (file: string | undefined, options: { format: string; output?: string }) => {
      const { runGraph } = await import("./commands/graph.js");
      setExit(await runGraph(file, options, io));
    });

  program
    .command("fmt")
    .description("format system files with noros's pinned Prettier style")
    .argument("[files...]", "files to format; default: the .ts files of a system in the current directory")
    .option("--check", "change nothing; exit 1 and list the files that are not formatted")
    .addHelpText("after", "\nExamples:\n  $ noros fmt\n  $ noros fmt --check shop.noros.ts")
    .action(async (files: string[], options: { check?: boolean }) => {
      const { filesToFormat, formatFiles } = await import("../format/format.js");
      const targets = filesToFormat(files, io.cwd);
      const changed = await formatFiles(targets, options.check === true);
      for (const file of changed) io.stdout(`${options.check ? "not formatted" : "formatted"}: ${path.relative(io.cwd, file) || file}\n`);
      if (options.check && changed.length > 0) setExit(EXIT_USER_ERROR);
    });

  program
    .command("test")
    .description("run the e2e cases: deploy each case's system, probe its endpoint until it is healthy or the case times out, always tear down")
    .option("--tier <tier>", "local, aws or all", "all")
    .option("--require <tiers>", "comma-separated tiers that must run: a skipped case of one fails (for CI)")
    .option("--filter <text>", "only the cases whose name contains the text")
    .option("--cases <file>", "the case list (default: tests/e2e/cases.ts if it exists, else one local case per service of the system file here)")
    .option("--json", "print the report as JSON")
    .option("--no-test", "leave services' test stages out of the images the cases build")
    .option("--account <id>", "the AWS account the aws tier may deploy into (default: NOROS_E2E_ACCOUNT; without either it refuses)")
    .option("--max-minutes <n>", "hard wall-clock limit of the whole run: past it the running case is torn down and the run exits 143", "120")
    .option("--sweep", "remove containers and images left by crashed local runs, and list (with --yes destroy) AWS resources tagged noros:run, then exit")
    .option("--older-than <age>", "with --sweep: only aws runs at least this old (30m, 2h, 1d)", "2h")
    .option("--yes", "with --sweep: destroy the aws runs listed, not just list them")
    .addHelpText("after", "\nExamples:\n  $ noros test --tier local\n  $ noros test --tier all --require local --filter hello\n  $ NOROS_E2E_ACCOUNT=123456789012 noros test --tier aws --require aws\n  $ noros test --sweep --older-than 2h\n  $ noros test --sweep --yes")
    .action(async (options: { tier: string; require?: string; filter?: string; cases?: string; json?: boolean; test?: boolean; sweep?: boolean; olderThan?: string; yes?: boolean; account?: string; maxMinutes?: string }) => {
      jsonMode = options.json === true;
      const { runTest } = await import("./commands/test.js");
      setExit(await runTest(options, io));
    });

  program
    .command("init")
    .description("start a new system: a system file, package.json, tsconfig.json, .gitignore, README and CI workflow")
    .argument("[dir]", "the directory to create it in", ".")
    .option("--template <name>", "hello (bucket, topic), web-service (a tested Node service built into an image) or nixos-host (a NixOS host in a private subnet)", "hello")
    .addHelpText("after", "\nExamples:\n  $ noros init shop\n  $ noros init api --template web-service\n  $ noros init infra --template nixos-host")
    .action(async (dir: string, options: { template: string }) => {
      const { init, templates } = await import("../init/init.js");
      if (!(templates as readonly string[]).includes(options.template)) throw new Error(`unknown template "${options.template}": choose from ${templates.join(", ")}`);
      const target = path.resolve(io.cwd, dir);
      for (const file of init(target, options.template as (typeof templates)[number])) io.stdout(`created ${path.join(dir, file)}\n`);
      io.stdout(`next: cd ${dir} && npm install && npx noros compile\n`);
    });

  program
    .command("explain")
    .description("explain a diagnostic code, with an example and the fix")
    .argument("<code>", "a code such as NOROS1102")
    .addHelpText("after", "\nExamples:\n  $ noros explain NOROS1102")
    .action(async (code: string) => {
      const { explain, catalogue } = await import("../diagnostics/catalogue.js");
      const text = explain(code);
      if (text === undefined) {
        io.stderr(`noros: unknown code ${code}; known codes: ${Object.keys(catalogue).sort().join(", ")}\n`);
        setExit(EXIT_USER_ERROR);
        return;
      }
      io.stdout(text);
    });

  return program;
}

let jsonMode = false;

/** Runs the CLI and returns its exit code: 0 ok, 1 problems in the input, 2 noros failed. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let code = EXIT_OK;
  jsonMode = false;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USER_ERROR;
    if (error instanceof DiagnosticsError) {
      if (jsonMode) io.stdout(`${JSON.stringify({ ok: false, diagnostics: diagnosticsJson(error.diagnostics, io.cwd) }, null, 2)}\n`);
      else printDiagnostics(io, error.diagnostics);
      return EXIT_USER_ERROR;
    }
    if (process.env.NOROS_DEBUG === "1") io.stderr(`${(error as Error).stack ?? String(error)}\n`);
    else io.stderr(`noros: internal error: ${(error as Error).message ?? String(error)}\n(set NOROS_DEBUG=1 to see the stack trace)\n`);
    return EXIT_INTERNAL_ERROR;
  }
}
