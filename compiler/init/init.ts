import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import Handlebars from "handlebars";
import { stringify as toYaml } from "yaml";
import { isConstructName } from "../../dsl/schemas/common.js";
import { DiagnosticsError, diagnostic } from "../diagnostics/diagnostic.js";
import { packageRoot, packageVersion } from "../util/package-root.js";

export const templates = ["hello", "web-service", "nixos-host"] as const;
export type Template = (typeof templates)[number];

const templatesDir = () => path.join(packageRoot(), "compiler", "init", "templates");

function render(template: string, context: Record<string, string>): string {
  const source = readFileSync(path.join(templatesDir(), template), "utf8");
  return Handlebars.compile(source, { noEscape: true, strict: true })(context);
}

/**
 * Files a template brings besides its system file (the web-service's app), copied as they are: they
 * are the user's code from then on, so nothing in them is templated.
 */
function templateFiles(template: Template): Record<string, string> {
  const root = path.join(templatesDir(), template);
  if (!existsSync(root)) return {};
  const files: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    files[path.relative(root, absolute).split(path.sep).join("/")] = readFileSync(absolute, "utf8");
  }
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** A GitHub Actions workflow that checks the system and runs the local test tier on every push. */
function workflow(file: string): string {
  return toYaml({
    name: "noros",
    on: { push: null, pull_request: null },
    permissions: { contents: "read" },
    jobs: {
      check: {
        "runs-on": "ubuntu-latest",
        steps: [
          { uses: "actions/checkout@v4" },
          { uses: "actions/setup-node@v4", with: { "node-version": "20" } },
          { run: "npm ci" },
          { run: `npx noros check ${file}` },
          { run: "sudo apt-get update && sudo apt-get install -y buildah podman debootstrap" },
          { run: "npx noros test --tier local" },
        ],
      },
    },
  });
}

/** Turns a directory name into a system name: lowercase, hyphens, at most 30 characters. */
export function systemNameFor(dir: string): string {
  const name = path.basename(path.resolve(dir)).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^[^a-z]+|-+$/g, "").slice(0, 30).replace(/-+$/, "");
  return isConstructName(name) ? name : "my-system";
}

/**
 * A starter project: the system file, package.json depending on noros, tsconfig.json, .gitignore,
 * a README and a CI workflow. Refuses to overwrite anything, naming what is in the way.
 */
export function init(dir: string, template: Template): string[] {
  const name = systemNameFor(dir);
  const file = `${name}.noros.ts`;
  const files: Record<string, string> = {
    [file]: render(`${template}.noros.ts.hbs`, { name, region: "eu-central-1" }),
    "package.json": `${JSON.stringify({ name, private: true, type: "module", scripts: { check: "noros check", compile: "noros compile", test: "noros test --tier local" }, devDependencies: { noros: `^${packageVersion()}` } }, null, 2)}\n`,
    "tsconfig.json": `${JSON.stringify({ compilerOptions: { strict: true, target: "ES2022", module: "ESNext", moduleResolution: "Bundler", allowImportingTsExtensions: true, noEmit: true, lib: ["ES2022"], types: [] }, include: ["*.ts"] }, null, 2)}\n`,
    ".gitignore": "node_modules/\nout/\n",
    "README.md": render("README.md.hbs", { name, file }),
    ".github/workflows/noros.yml": workflow(file),
    ...templateFiles(template),
  };
  const existing = Object.keys(files).filter((f) => existsSync(path.join(dir, f)));
  if (existing.length > 0) {
    throw new DiagnosticsError([
      diagnostic({ file: dir, line: 0, col: 0 }, "NOROS1202", `refusing to overwrite ${existing.join(", ")}`, { hint: "run noros init in an empty directory" }),
    ]);
  }
  for (const [relative, contents] of Object.entries(files)) {
    const target = path.join(dir, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, contents);
  }
  return Object.keys(files);
}
