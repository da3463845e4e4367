import { lstatSync, readFileSync } from "node:fs";
import path from "node:path";
import { diagnostic, type Diagnostic, type SourcePosition } from "../diagnostics/diagnostic.js";
import { nodesOf, type Graph, type GraphNode, type InstallScript } from "../graph.js";
import { sha256 } from "../util/hash.js";

/** A bound on one install script: far above what user data or S3 staging need, far below a mistake such as a tarball. */
export const MAX_INSTALL_SCRIPT_BYTES = 1024 * 1024;

export interface InstallScriptsResult {
  readonly scripts: ReadonlyMap<string, InstallScript>;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Reads every host's `install` script (relative to the file declaring the host), so the Terraform target
 * can put it into the user data, or stage it, without doing I/O. A missing file, a directory, a binary
 * or an oversized file is a diagnostic at the `install` property; so is a script on a host not running
 * NixOS, whose user data noros does not write.
 */
export function readInstallScripts(graph: Graph, positionOf: (node: GraphNode<"host"> | GraphNode<"host-group">, property: string) => SourcePosition): InstallScriptsResult {
  const scripts = new Map<string, InstallScript>();
  const diagnostics: Diagnostic[] = [];
  for (const node of [...nodesOf(graph, "host"), ...nodesOf(graph, "host-group")]) {
    const relative = node.props.install;
    if (relative === undefined) continue;
    const at = positionOf(node, "install");
    const problem = (message: string, hint?: string) => diagnostics.push(diagnostic(at, "NOROS3110", `${node.kind} "${node.name}": ${message}`, { hint }));
    if (node.props.os !== "nixos") {
      problem("an install script runs through the user data noros writes for NixOS hosts, and this host runs its own AMI", "bake the script into the AMI, or run NixOS");
      continue;
    }
    const file = path.resolve(path.dirname(node.pos.file), relative);
    let size: number;
    try {
      const stat = lstatSync(file);
      if (!stat.isFile()) {
        problem(`install script ${relative} is not a regular file (looked at ${file})`);
        continue;
      }
      size = stat.size;
    } catch {
      problem(`install script ${relative} does not exist (looked for ${file})`, "the path is relative to the file that declares the host");
      continue;
    }
    if (size > MAX_INSTALL_SCRIPT_BYTES) {
      problem(`install script ${relative} has ${size} bytes, more than ${MAX_INSTALL_SCRIPT_BYTES}`, "download large files from the script instead of embedding them");
      continue;
    }
    const bytes = readFileSync(file);
    const text = bytes.toString("utf8");
    if (!Buffer.from(text, "utf8").equals(bytes) || text.includes("\0")) {
      problem(`install script ${relative} is not UTF-8 text`);
      continue;
    }
    if (!text.startsWith("#!")) {
      problem(`install script ${relative} does not start with an interpreter line such as #!/usr/bin/env bash`);
      continue;
    }
    scripts.set(node.name, { host: node.name, file, text, sha256: sha256(text) });
  }
  return { scripts, diagnostics };
}
