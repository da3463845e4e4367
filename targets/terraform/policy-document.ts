import type { TextValue } from "../../compiler/graph.js";
import { valueString } from "./expression.js";

/** One IAM statement as data, lowered to an `aws_iam_policy_document` statement block. */
export interface Statement {
  readonly sid: string;
  readonly effect?: "Allow" | "Deny";
  readonly actions: readonly string[];
  readonly resources?: ReadonlyArray<string | TextValue>;
  readonly principals?: ReadonlyArray<{ readonly type: string; readonly identifiers: readonly string[] }>;
  readonly conditions?: ReadonlyArray<{ readonly test: string; readonly variable: string; readonly values: ReadonlyArray<string | TextValue> }>;
}

/**
 * The body of a `data "aws_iam_policy_document"`: policies stay typed data all the way to Terraform,
 * which renders the JSON, so no policy is ever a hand-formatted string.
 */
export function policyDocument(statements: readonly Statement[]): Record<string, unknown> {
  return {
    statement: statements.map((s) => ({
      sid: s.sid,
      effect: s.effect ?? "Allow",
      actions: [...s.actions],
      ...(s.resources ? { resources: s.resources.map((r) => (typeof r === "string" ? r : valueString(r))) } : {}),
      ...(s.principals ? { principals: s.principals.map((p) => ({ type: p.type, identifiers: [...p.identifiers] })) } : {}),
      ...(s.conditions ? { condition: s.conditions.map((c) => ({ test: c.test, variable: c.variable, values: c.values.map((v) => (typeof v === "string" ? v : valueString(v))) })) } : {}),
    })),
  };
}
