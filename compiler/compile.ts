import path from "node:path";
import type { Artefact } from "./artefact.js";
import { allTargets, type Target } from "./target-names.js";
import { check } from "./check/check.js";
import { DiagnosticsError, hasErrors, sortDiagnostics, type Diagnostic } from "./diagnostics/diagnostic.js";
import { manifest } from "./emit/manifest.js";
import type { Graph, HostConfiguration } from "./graph.js";
import { findSystemFile } from "./load/find-system-file.js";
import { load, type SourceFileRecord } from "./load/load.js";
import { resolve } from "./resolve/resolve.js";
import { packageVersion } from "./util/package-root.js";
import { sha256 } from "./util/hash.js";
import { lowerDocker } from "../targets/docker/lower.js";
import { lowerNix } from "../targets/nix/lower.js";
import { lowerGithub } from "../targets/github/lower.js";
import { positionOfPath } from "./check/positions.js";
import { readFunctionSources } from "./load/function-sources.js";
import { readServiceSources } from "./load/service-sources.js";
import { readInstallScripts } from "./load/install-scripts.js";
import { lowerTerraform, printTerraform } from "../targets/terraform/lower.js";
import { terraformHcl } from "../targets/terraform/hcl/index.js";
import { validateAgainstProviders } from "./validate-terraform.js";
import { checkPolicy, type PolicyReport } from "./policy/engine.js";

export { allTargets, type Target } from "./target-names.js";

export type Phase = "typecheck" | "evaluate" | "validate" | "resolve" | "lower" | "emit";

export interface CompileOptions {
  readonly file?: string | undefined;
  readonly cwd: string;
  readonly targets?: readonly Target[];
  readonly onPhase?: (phase: Phase, ms: number) => void;
  /** Leave out the test stage of services that declare `test` (`--no-test`). */
  readonly skipTests?: boolean;
  /** Write the Terraform configuration as `.tf` files (HCL) instead of `main.tf.json` (`--hcl`). */
  readonly hcl?: boolean;
}

export interface Compiled {
  readonly entry: string;
  readonly graph: Graph;
  readonly artefacts: readonly Artefact[];
  /** Warnings and notes; errors stop compilation with a DiagnosticsError instead. */
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: readonly SourceFileRecord[];
  readonly resourceCount: number;
  /** The security policy's verdict: the waivers in force (violations stop compilation). */
  readonly policy: PolicyReport;
}

function stopOnErrors(diagnostics: readonly Diagnostic[]): void {
  if (hasErrors(diagnostics)) throw new DiagnosticsError(sortDiagnostics(diagnostics));
}

/**
 * The whole pipeline, in memory: load, check, resolve, lower. Throws DiagnosticsError with every problem
 * of the failing phase; writes nothing (emitting is the caller's separate, atomic step).
 */
export function compile(options: CompileOptions): Compiled {
  const entry = findSystemFile(options.file, options.cwd);
  const phase = options.onPhase ?? (() => {});
  const { checked, sources, diagnostics } = loadAndCheck(entry, phase);

  let started = performance.now();
  const resolved = resolve(checked.system, checked.nodes, sources);
  phase("resolve", performance.now() - started);
  stopOnErrors(resolved.diagnostics);
  if (!resolved.graph) throw new Error("internal: resolve passed without a graph");
  // Services' source directories: read here, so that the docker target stays a pure function.
  started = performance.now();
  const services = readServiceSources(resolved.graph, (node, property) => positionOfPath(node as never, [property], node.pos));
  // Functions' sources likewise, so that the terraform target can zip them without I/O.
  const functions = readFunctionSources(resolved.graph, (node, property) => positionOfPath(node as never, [property], node.pos));
  phase("resolve", performance.now() - started);
  stopOnErrors([...services.diagnostics, ...functions.diagnostics]);
  // Hosts' install scripts, read here for the same reason.
  const installs = readInstallScripts(resolved.graph, (node, property) => positionOfPath(node as never, [property], node.pos));
  stopOnErrors(installs.diagnostics);

  started = performance.now();
  const targets = new Set(options.targets ?? allTargets);
  // NixOS configurations go first: the Terraform target embeds them in the hosts it creates.
  const nix = lowerNix(resolved.graph);
  const hostConfigurations = new Map<string, HostConfiguration>(
    nix.hosts.map((h) => [h.host, { host: h.host, configuration: h.configuration, sha256: sha256(h.configuration) }]),
  );
  const graph: Graph = {
    ...resolved.graph,
    hostConfigurations,
    serviceSources: services.sources,
    functionSources: functions.sources,
    installScripts: installs.scripts,
  };
  const docker = targets.has("docker") ? lowerDocker(graph, { tests: options.skipTests !== true }).artefacts : [];
  const { terraformArtefacts, resourceCount, policy } = lowerAndCheckTerraform(graph, entry, options.hcl === true, targets.has("terraform"), phase, started);

  const artefacts: Artefact[] = [
    ...terraformArtefacts,
    ...(targets.has("nix") ? nix.artefacts : []),
    ...docker,
    // The workflows of `pipelines`, if the system declares them.
    ...(targets.has("github") ? lowerGithub(graph) : []),
  ];
  artefacts.push(manifest(artefacts, sources, packageVersion(), graph.system.name));
  // The services' files are sources too: a change to one must invalidate the cache and wake --watch;
  // the directory itself stands for the set of its files (one added is a change).
  const serviceFiles = [...services.sources.values(), ...functions.sources.values()].flatMap((s) => [
    { file: s.dir, text: "" },
    ...s.files.map((f) => ({ file: path.join(s.dir, f.path), text: Buffer.from(f.contents).toString("utf8") })),
  ]);
  const installFiles = [...installs.scripts.values()].map((s) => ({ file: s.file, text: s.text }));
  return { entry, graph, artefacts, diagnostics: sortDiagnostics([...diagnostics, ...policy.diagnostics]), policy, sources: [...sources, ...serviceFiles, ...installFiles], resourceCount };
}

/**
 * Terraform: lowered, checked against the provider schemas and the security policy, then printed. A
 * function of its own so that the document is garbage before the artefacts are hashed and written: on
 * large systems it is a third of the heap. `started` is when the lower phase began (nix and docker
 * before it).
 */
function lowerAndCheckTerraform(graph: Graph, entry: string, hcl: boolean, wanted: boolean, phase: (phase: Phase, ms: number) => void, started: number) {
  const terraform = lowerTerraform(graph);
  phase("lower", performance.now() - started);

  const validating = performance.now();
  const problems = validateAgainstProviders(terraform, graph, entry);
  stopOnErrors(problems);
  // The security policy reads the same document, escape hatches included; a violation stops here,
  // before anything is written.
  const policy = checkPolicy(terraform.document, terraform.origins, graph);
  phase("validate", performance.now() - validating);
  stopOnErrors(policy.diagnostics);

  const resourceCount = Object.values((terraform.document.resource ?? {}) as Record<string, object>).reduce((sum, byName) => sum + Object.keys(byName).length, 0);
  // Printed only now, once checked: the text of a large document is a fifth of the heap, and the
  // policy's indexes, garbage by now, need not share it.
  const printing = performance.now();
  const terraformArtefacts = wanted
    ? [
        ...(hcl ? terraformHcl(terraform.document) : printTerraform(terraform.document)),
        // The packages main.tf.json (or the .tf files) refer to: part of the Terraform output in either form.
        ...terraform.packages,
      ]
    : [];
  // Printing is emitting: the emit phase is this and the writing that follows.
  phase("emit", performance.now() - printing);
  return { terraformArtefacts, resourceCount, policy };
}

/**
 * Load and validate. A function of its own so that the evaluated value tree (positions and all) is
 * garbage once validation has produced the checked nodes: on large systems it is a third of the heap.
 */
function loadAndCheck(entry: string, phase: (phase: Phase, ms: number) => void) {
  const loaded = load(entry, { onPhase: phase });
  stopOnErrors(loaded.diagnostics);
  if (!loaded.ok) throw new DiagnosticsError(loaded.diagnostics);

  const started = performance.now();
  const checked = check(loaded.system, loaded.constructs, entry);
  phase("validate", performance.now() - started);
  stopOnErrors(checked.diagnostics);
  const system = checked.system;
  if (!system) throw new Error("internal: check passed without a system");
  return { checked: { system, nodes: checked.nodes }, sources: loaded.sources, diagnostics: loaded.diagnostics };
}
