import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { packageRoot } from "../../util/package-root.js";
import { EXIT_USER_ERROR } from "../exit-codes.js";
import type { Io } from "../output.js";

export interface TestOptions {
  readonly tier?: string;
  readonly require?: string;
  readonly filter?: string;
  readonly cases?: string;
  readonly json?: boolean;
  readonly test?: boolean;
  readonly sweep?: boolean;
  readonly olderThan?: string;
  readonly yes?: boolean;
  readonly account?: string;
  readonly maxMinutes?: string;
}

/**
 * `noros test` runs the e2e harness, which lives with its cases in the noros source tree
 * (tests/e2e/) and is TypeScript: it is loaded through tsx, like the case list it reads.
 */
export async function runTest(options: TestOptions, io: Io): Promise<number> {
  const harness = path.join(packageRoot(), "tests", "e2e", "harness", "main.ts");
  if (!existsSync(harness)) {
    io.stderr("noros test: the e2e harness (tests/e2e/harness/) is not part of this installation; run it from a noros source checkout\n");
    return EXIT_USER_ERROR;
  }
  let tsImport: (specifier: string, parent: string) => Promise<unknown>;
  try {
    ({ tsImport } = await import("tsx/esm/api"));
  } catch {
    io.stderr("noros test: the e2e harness needs tsx (a development dependency of noros): run npm install in the noros checkout\n");
    return EXIT_USER_ERROR;
  }
  const { runTestCommand } = (await tsImport(pathToFileURL(harness).href, import.meta.url)) as {
    runTestCommand: (options: TestOptions, io: Io) => Promise<number>;
  };
  return runTestCommand(options, io);
}
