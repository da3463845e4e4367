import { lstatSync, readdirSync, readFileSync, type Stats } from "node:fs";
import path from "node:path";
import { diagnostic, type Diagnostic, type SourcePosition } from "../diagnostics/diagnostic.js";
import { nodesOf, type Graph, type GraphNode, type ServiceSource, type ServiceSourceFile } from "../graph.js";
import { sha256 } from "../util/hash.js";

/**
 * Names never copied from a service's source into its build context: version control, dependencies
 * installed on the author's machine (the image installs its own), caches, logs and local secrets.
 * The docker target writes the same list into each `.dockerignore`.
 */
export const ignoredDirectories = [".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", ".pytest_cache", ".mypy_cache"] as const;
export const ignoredFiles = [".DS_Store", ".env", "npm-debug.log"] as const;
export const ignoredSuffixes = [".log", ".pyc", ".swp"] as const;

/** Bounds that keep a build context (and the output directory) reasonable. */
export const MAX_FILES = 5000;
export const MAX_BYTES = 100 * 2 ** 20;

export function isIgnored(name: string, directory: boolean): boolean {
  if (directory) return (ignoredDirectories as readonly string[]).includes(name);
  return (ignoredFiles as readonly string[]).includes(name) || name.startsWith(".env.") || ignoredSuffixes.some((s) => name.endsWith(s));
}

/** The file the runtime starts when the service gives no command. */
export const defaultEntry = { node: "server.js", python: "app.py" } as const;

export interface ServiceSourcesResult {
  readonly sources: ReadonlyMap<string, ServiceSource>;
  readonly diagnostics: readonly Diagnostic[];
  /** Every file read, absolute: sources of the compile, for the cache and --watch. */
  readonly files: readonly string[];
}

/**
 * Reads the source directory of every service (relative to the file that declares it), so the
 * docker target can copy it into the build context without doing I/O. Problems are diagnostics at
 * the service's `source` property: a missing or empty directory, a symbolic link, too many bytes,
 * no entry file for the default command, dependencies without a lock file.
 */
export function readServiceSources(graph: Graph, positionOf: (node: GraphNode<"service">, property: string) => SourcePosition): ServiceSourcesResult {
  const sources = new Map<string, ServiceSource>();
  const diagnostics: Diagnostic[] = [];
  const files: string[] = [];
  for (const node of nodesOf(graph, "service")) {
    const at = positionOf(node, "source");
    const dir = path.resolve(path.dirname(node.pos.file), node.props.source);
    const problem = (message: string, hint?: string) => diagnostics.push(diagnostic(at, "NOROS3031", `service "${node.name}": ${message}`, { hint }));
    let stat: Stats | undefined;
    try {
      stat = lstatSync(dir);
    } catch {
      problem(`source directory ${node.props.source} does not exist (looked for ${dir})`, "the path is relative to the file that declares the service");
      continue;
    }
    if (!stat.isDirectory()) {
      problem(`source ${node.props.source} is not a directory`);
      continue;
    }
    const collected: Array<{ path: string; absolute: string; stat: Stats }> = [];
    let bytes = 0;
    let tooMany = false;
    const walk = (absolute: string, relative: string) => {
      const entries = readdirSync(absolute, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        const full = path.join(absolute, entry.name);
        const rel = relative === "" ? entry.name : `${relative}/${entry.name}`;
        if (entry.isSymbolicLink()) {
          problem(`${node.props.source}/${rel} is a symbolic link, which is not copied into the image`, "replace it with the file or directory it points to");
          continue;
        }
        if (isIgnored(entry.name, entry.isDirectory())) continue;
        if (entry.isDirectory()) {
          walk(full, rel);
          continue;
        }
        if (!entry.isFile()) {
          problem(`${node.props.source}/${rel} is not a regular file`);
          continue;
        }
        const s = lstatSync(full);
        bytes += s.size;
        if (collected.length >= MAX_FILES) tooMany = true;
        else collected.push({ path: rel, absolute: full, stat: s });
      }
    };
    walk(dir, "");
    if (tooMany || bytes > MAX_BYTES) {
      diagnostics.push(
        diagnostic(at, "NOROS3032", `service "${node.name}": source ${node.props.source} holds ${tooMany ? `more than ${MAX_FILES} files` : `${Math.round(bytes / 2 ** 20)} MiB`}, more than a build context should`, {
          hint: `at most ${MAX_FILES} files and ${MAX_BYTES / 2 ** 20} MiB; dependencies and build output belong in the image, not the source`,
        }),
      );
      continue;
    }
    if (collected.length === 0) {
      problem(`source directory ${node.props.source} has no files`);
      continue;
    }
    const sourceFiles: ServiceSourceFile[] = collected
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
      .map((f) => ({ path: f.path, contents: readFileSync(f.absolute), executable: (f.stat.mode & 0o111) !== 0 }));
    files.push(...collected.map((f) => f.absolute));
    diagnostics.push(...entryProblems(node, sourceFiles, positionOf));
    sources.set(node.name, { service: node.name, dir, files: sourceFiles, sha256: treeHash(sourceFiles) });
  }
  return { sources, diagnostics, files: files.sort() };
}

/** One hash for a whole tree: each file's path, mode and content hash, in path order. */
export function treeHash(files: readonly ServiceSourceFile[]): string {
  return sha256(files.map((f) => `${f.path}\u0000${f.executable ? "755" : "644"}\u0000${sha256(f.contents)}\n`).join(""));
}

function entryProblems(node: GraphNode<"service">, files: readonly ServiceSourceFile[], positionOf: (node: GraphNode<"service">, property: string) => SourcePosition): Diagnostic[] {
  const out: Diagnostic[] = [];
  const has = (p: string) => files.some((f) => f.path === p);
  const { runtime, command } = node.props;
  if (command === undefined && (runtime === "node" || runtime === "python") && !has(defaultEntry[runtime])) {
    out.push(
      diagnostic(positionOf(node, "source"), "NOROS3033", `service "${node.name}": ${node.props.source} has no ${defaultEntry[runtime]}, which the ${runtime} runtime starts by default`, {
        hint: `add ${defaultEntry[runtime]}, or give a command such as ["${runtime === "node" ? "node" : "python3"}", "main.${runtime === "node" ? "js" : "py"}"]`,
      }),
    );
  }
  if (command === undefined && runtime === "static") {
    const wanted = staticHealthFile(node.props.healthCheck.path);
    if (!has(wanted)) {
      out.push(
        diagnostic(positionOf(node, "healthCheck"), "NOROS3033", `service "${node.name}": the static runtime serves files, but ${node.props.source} has no ${wanted} to answer the health check path ${node.props.healthCheck.path}`, {
          hint: `add the file ${wanted}`,
        }),
      );
    }
  }
  if (runtime === "node" && has("package.json")) {
    const pkg = files.find((f) => f.path === "package.json") as ServiceSourceFile;
    let dependencies = 0;
    try {
      const parsed = JSON.parse(Buffer.from(pkg.contents).toString("utf8")) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
      dependencies = Object.keys(parsed.dependencies ?? {}).length + Object.keys(parsed.devDependencies ?? {}).length;
    } catch (error) {
      out.push(diagnostic(positionOf(node, "source"), "NOROS3034", `service "${node.name}": ${node.props.source}/package.json is not valid JSON: ${(error as Error).message}`));
    }
    if (dependencies > 0 && !has("package-lock.json")) {
      out.push(
        diagnostic(positionOf(node, "source"), "NOROS3034", `service "${node.name}": package.json declares dependencies but ${node.props.source} has no package-lock.json`, {
          hint: "run npm install and keep package-lock.json beside package.json: the image installs exactly the locked versions (npm ci)",
        }),
      );
    }
  }
  return out;
}

/** The file busybox httpd answers a path with: "/health" -> "health", "/" or "/docs/" -> "…index.html". */
export function staticHealthFile(urlPath: string): string {
  const bare = (urlPath.split("?")[0] as string).replace(/^\/+/, "");
  return bare === "" || bare.endsWith("/") ? `${bare}index.html` : bare;
}
