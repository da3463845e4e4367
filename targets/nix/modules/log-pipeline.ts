import type { ModuleOptions } from "../../../dsl/schemas/nixos/index.js";
import { nix, type NixData, type NixExpr } from "../ast.js";
import type { LoweredModule } from "./context.js";
import { vrlCondition, vrlProgram } from "./vrl.js";

/**
 * The environment variable holding a log group's deployed name. Its name depends on the deployment's
 * name prefix, known only to Terraform, so the host's user data writes it to /etc/noros/environment,
 * which Vector reads; the configuration holds only the variable, with the default prefix as fallback
 * (what `vector validate` sees when NixOS builds the configuration).
 */
export function logGroupVariable(logGroup: string): string {
  return `NOROS_LOG_GROUP_${logGroup.toUpperCase().replace(/-/g, "_")}`;
}

/** Data as Nix, with VRL programs (text of several lines) as indented strings a reviewer can read. */
function readable(data: NixData): NixExpr {
  if (typeof data === "string") return data.includes("\n") ? nix.multiline(data) : nix.str(data);
  if (Array.isArray(data)) return nix.list(data.map(readable));
  if (data !== null && typeof data === "object") return nix.set(Object.entries(data).map(([key, value]) => nix.attr([key], readable(value as NixData))));
  return nix.value(data);
}

/** Vector interpolates `$VAR` and `${VAR}` in its whole configuration: a literal `$` is written `$$`. */
const literal = (text: string): string => text.replace(/\$/g, "$$$$");

/**
 * A typed pipeline as `services.vector.settings`: one source (journald units or files), one Vector
 * transform per step (remap for parse and map, filter for filters), a route transform when the
 * pipeline has routes, and one aws_cloudwatch_logs sink per destination. Vector runs as the `vector`
 * user the NixOS module creates, with journal access when it reads the journal.
 */
export function lowerLogPipeline(options: ModuleOptions<"log-pipeline">, context: { readonly region: string; readonly systemName: string }): LoweredModule {
  const p = options.name;
  const sources: Record<string, NixData> = {};
  const transforms: Record<string, NixData> = {};
  const sinks: Record<string, NixData> = {};
  const source = `${p}_source`;
  sources[source] =
    "journald" in options.source
      ? { type: "journald", include_units: options.source.journald.units.map((u) => `${u}.service`) }
      : { type: "file", include: [...options.source.file.paths], read_from: "beginning" };
  let last = source;
  options.steps.forEach((step, i) => {
    const id = `${p}_step_${i}`;
    transforms[id] =
      "filter" in step
        ? { type: "filter", inputs: [last], condition: { type: "vrl", source: literal(vrlCondition(step.filter)) } }
        : { type: "remap", inputs: [last], source: literal(vrlProgram(step)), drop_on_error: false };
    last = id;
  });
  const sink = (logGroup: string, input: string): NixData => ({
    type: "aws_cloudwatch_logs",
    inputs: [input],
    region: context.region,
    group_name: `\${${logGroupVariable(logGroup)}:-/noros/${context.systemName}/${logGroup}}`,
    // One stream per host: Vector's template syntax, filled from each event's host field.
    stream_name: "{{ host }}",
    // The log group belongs to Terraform (its retention with it); the role may not create one.
    create_missing_group: false,
    encoding: { codec: "json" },
    // Its health check calls DescribeLogGroups, which the role is not given.
    healthcheck: { enabled: false },
  });
  if (options.routes.length > 0) {
    const router = `${p}_routes`;
    // Vector's route sends an event to every route whose condition holds; each route here also excludes
    // the routes before it, so the first match wins and an event reaches one log group only.
    const exclusive = options.routes.map((r, i) => [vrlCondition(r.when), ...options.routes.slice(0, i).map((e) => `!(${vrlCondition(e.when)})`)].join(" && "));
    transforms[router] = { type: "route", inputs: [last], route: Object.fromEntries(options.routes.map((r, i) => [r.name, literal(exclusive[i] as string)])) };
    for (const r of options.routes) sinks[`${p}_to_${r.name.replace(/-/g, "_")}`] = sink(r.to.name, `${router}.${r.name}`);
    sinks[`${p}_to_default`] = sink(options.to.name, `${router}._unmatched`);
  } else {
    sinks[`${p}_to_default`] = sink(options.to.name, last);
  }
  const journald = "journald" in options.source;
  return {
    title: `log pipeline ${p}: ${journald ? "journald" : "files"} to CloudWatch Logs through Vector`,
    options: {
      "services.vector.enable": nix.bool(true),
      ...(journald ? { "services.vector.journaldAccess": nix.bool(true) } : {}),
      "services.vector.settings": readable({ sources, transforms, sinks }),
      // The deployed log group names (see logGroupVariable); "-": the file is optional.
      "systemd.services.vector.serviceConfig.EnvironmentFile": nix.str("-/etc/noros/environment"),
    },
  };
}
