import path from "node:path";
import { diagnostic, type Diagnostic, type SourcePosition } from "../diagnostics/diagnostic.js";
import { nodesOf, type Graph, type GraphNode, type ServiceSource, type ServiceSourceFile } from "../graph.js";
import { readSourceTree, treeHash } from "./source-tree.js";

// Where these names are decided now, re-exported for the docker target and existing imports.
export { ignoredDirectories, ignoredFiles, ignoredSuffixes, isIgnored, treeHash } from "./source-tree.js";

/** Bounds that keep a build context (and the output directory) reasonable. */
export const MAX_FILES = 5000;
export const MAX_BYTES = 100 * 2 ** 20;

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
    const tree = readSourceTree(dir, node.props.source, { maxFiles: MAX_FILES, maxBytes: MAX_BYTES, copiedInto: "the image" });
    for (const p of tree.problems) problem(p.message, p.hint);
    if (!tree.ok) {
      if (tree.reason === "too-large") {
        diagnostics.push(
          diagnostic(at, "NOROS3032", `service "${node.name}": ${tree.detail}, more than a build context should`, {
            hint: `at most ${MAX_FILES} files and ${MAX_BYTES / 2 ** 20} MiB; dependencies and build output belong in the image, not the source`,
          }),
        );
      } else {
        problem(tree.detail, tree.reason === "missing" ? "the path is relative to the file that declares the service" : undefined);
      }
      continue;
    }
    const sourceFiles = tree.files;
    files.push(...tree.absolute);
    diagnostics.push(...entryProblems(node, sourceFiles, positionOf));
    sources.set(node.name, { service: node.name, dir, files: sourceFiles, sha256: treeHash(sourceFiles) });
  }
  return { sources, diagnostics, files: files.sort() };
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
