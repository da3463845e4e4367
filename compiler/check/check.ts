import type { z } from "zod";
import { constructSchemas, isConstructName, SystemSchema, type ConstructKind } from "../../dsl/schemas/index.js";
import type { SystemProps } from "../../dsl/schemas/system.js";
import { diagnostic, type Diagnostic, type SourcePosition } from "../diagnostics/diagnostic.js";
import type { EvaluatedNode } from "../load/evaluate.js";
import { positionOfPath } from "./positions.js";
import { closest } from "../util/closest.js";

/** A construct whose properties passed its schema; `props` has the schema's defaults filled in. */
export interface CheckedNode {
  readonly kind: ConstructKind;
  readonly name: string;
  readonly props: unknown;
  readonly pos: SourcePosition;
  readonly propPos: EvaluatedNode["propPos"];
  readonly waivers: EvaluatedNode["waivers"];
}

export interface CheckedSystem {
  readonly name: string;
  readonly props: SystemProps;
  readonly pos: SourcePosition;
  readonly propPos: EvaluatedNode["propPos"];
}

export interface CheckResult {
  readonly system: CheckedSystem | undefined;
  readonly nodes: readonly CheckedNode[];
  readonly diagnostics: readonly Diagnostic[];
}

function isKind(kind: string): kind is ConstructKind {
  return Object.hasOwn(constructSchemas, kind);
}

function knownKeys(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] {
  let current: unknown = schema;
  for (const key of path) {
    const shape = shapeOf(current);
    current = shape?.[String(key)];
    if (current === undefined) return [];
  }
  return Object.keys(shapeOf(current) ?? {});
}

function shapeOf(schema: unknown): Record<string, unknown> | undefined {
  // Unwrap defaults, optionals and refinements down to the object schema that has a shape.
  let current = schema as { shape?: Record<string, unknown>; def?: { innerType?: unknown; in?: unknown; schema?: unknown } } | undefined;
  for (let i = 0; i < 10 && current; i++) {
    if (current.shape) return current.shape;
    current = (current.def?.innerType ?? current.def?.in ?? current.def?.schema) as typeof current;
  }
  return undefined;
}

/** Turns zod's issues into diagnostics at the offending property's position. */
export function issuesToDiagnostics(issues: readonly z.core.$ZodIssue[], node: EvaluatedNode, schema: z.ZodType, fallback: SourcePosition): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    const where = (path: ReadonlyArray<PropertyKey>) => positionOfPath(node, path, fallback);
    const label = issue.path.length > 0 ? `${node.kind} "${node.name}": ${issue.path.join(".")}: ` : `${node.kind} "${node.name}": `;
    if (issue.code === "unrecognized_keys") {
      const known = knownKeys(schema, issue.path);
      for (const key of issue.keys) {
        const suggestion = closest(key, known);
        out.push(
          diagnostic(where([...issue.path, key]), "NOROS2008", `${node.kind} "${node.name}" has no property "${key}"`, {
            hint: suggestion ? `did you mean "${suggestion}"?` : known.length > 0 ? `known properties: ${known.join(", ")}` : undefined,
          }),
        );
      }
      continue;
    }
    if (issue.code === "custom" && typeof issue.params?.noros === "string") {
      out.push(diagnostic(where(issue.path), issue.params.noros, `${label}${issue.message}`));
      continue;
    }
    if (issue.code === "invalid_type" && issue.input === undefined) {
      out.push(diagnostic(where(issue.path), "NOROS2009", `${node.kind} "${node.name}" is missing the required property "${issue.path.join(".")}"`));
      continue;
    }
    if (issue.code === "invalid_type") {
      out.push(diagnostic(where(issue.path), "NOROS2001", `${label}${issue.message}`));
      continue;
    }
    out.push(diagnostic(where(issue.path), "NOROS2000", `${label}${issue.message}`));
  }
  return out;
}

/** Validates every construct and the system itself against their schemas; all problems at once. */
export function check(system: EvaluatedNode, constructs: readonly EvaluatedNode[], entry: string): CheckResult {
  const fallback = { file: entry, line: 1, col: 1 };
  const diagnostics: Diagnostic[] = [];
  const nodes: CheckedNode[] = [];

  const validName = (node: EvaluatedNode) => {
    if (!isConstructName(node.name)) {
      diagnostics.push(diagnostic(node.pos ?? fallback, "NOROS2002", `${node.kind} name "${node.name}" is invalid: use 1-32 lowercase letters, digits and single hyphens, starting with a letter`));
    }
  };

  for (const node of constructs) {
    if (!isKind(node.kind)) {
      diagnostics.push(diagnostic(node.pos ?? fallback, "NOROS2000", `unknown construct kind "${node.kind}"`));
      continue;
    }
    validName(node);
    const schema = constructSchemas[node.kind] as unknown as z.ZodType;
    const result = schema.safeParse(node.props);
    if (!result.success) {
      diagnostics.push(...issuesToDiagnostics(result.error.issues, node, schema, fallback));
      continue;
    }
    nodes.push({ kind: node.kind, name: node.name, props: result.data, pos: node.pos ?? fallback, propPos: node.propPos, waivers: node.waivers });
  }

  validName(system);
  if (system.name.length > 30) {
    diagnostics.push(diagnostic(system.pos ?? fallback, "NOROS2002", `system name "${system.name}" is too long: at most 30 characters, since it prefixes every resource name`));
  }
  const result = SystemSchema.safeParse(system.props);
  if (!result.success) {
    diagnostics.push(...issuesToDiagnostics(result.error.issues, system, SystemSchema as unknown as z.ZodType, fallback));
    return { system: undefined, nodes, diagnostics };
  }
  return {
    system: { name: system.name, props: result.data, pos: system.pos ?? fallback, propPos: system.propPos },
    nodes,
    diagnostics,
  };
}
