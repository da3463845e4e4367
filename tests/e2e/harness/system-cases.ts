/**
 * Cases for a project that has no case list of its own (what `noros init` creates): one local case per
 * container service of the system, probing the service's own health check. A project that wants other
 * endpoints, timeouts or cloud cases writes a case list and passes it with --cases.
 */
import path from "node:path";
import { compile } from "../../../compiler/compile.js";
import { nodesOf } from "../../../compiler/graph.js";
import type { E2eCase } from "./types.js";

/** Time for a first build (the base image, the app's dependencies and tests) and a first answer. */
const FIRST_BUILD_TIMEOUT_S = 180;

export function casesFromSystem(file: string, cwd: string): E2eCase[] {
  const absolute = path.resolve(cwd, file);
  const { graph } = compile({ file: absolute, cwd: path.dirname(absolute), targets: [] });
  return nodesOf(graph, "service").map((service) => ({
    name: `${graph.system.name}-${service.name}`.slice(0, 50).replace(/-+$/, ""),
    system: path.relative(cwd, absolute) || path.basename(absolute),
    tier: "local" as const,
    endpoint: `service:${service.name}${service.props.healthCheck.path}`,
    expect: { status: 200 },
    timeoutS: FIRST_BUILD_TIMEOUT_S,
  }));
}
