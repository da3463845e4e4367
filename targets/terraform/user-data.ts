import type { RefValue, TextValue } from "../../compiler/graph.js";
import { literal, refExpression } from "./expression.js";

/** POSIX single-quoting, done at compile time for values known now. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Text inside an HCL string literal, within an interpolation: quotes, backslashes, newlines escaped. */
function hclStringBody(template: string): string {
  return template.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t");
}

/** One `NAME='value'` line; values known only at apply time are quoted by Terraform itself. */
function environmentLine(name: string, value: string | RefValue | TextValue): string {
  if (typeof value === "string") return literal(`${name}=${shellQuote(value)}`);
  const template =
    value.$noros === "ref"
      ? `\${${refExpression(value)}}`
      : value.parts.map((p) => (typeof p === "string" ? literal(p) : `\${${refExpression(p)}}`)).join("");
  return `${name}='\${replace("${hclStringBody(template)}", "'", "'\\\\''")}'`;
}

const HEREDOC = "NOROS_EOF";

/**
 * The user data of a NixOS host (NixOS's amazon-init runs user data that starts with `#!`): it writes
 * only the host's environment, whose values are known once deployed. The configuration itself comes
 * through Session Manager (see constructs/delivery.ts), so changing it never changes the user data and
 * never touches the instance. The quoted heredoc keeps the shell from expanding anything.
 */
export function nixosUserData(host: string, environment: Readonly<Record<string, string | RefValue | TextValue>>): string {
  const names = Object.keys(environment).sort();
  return [
    "#!/usr/bin/env bash",
    literal(`# noros host ${host}: its environment; the NixOS configuration arrives through Session Manager`),
    "set -euo pipefail",
    "install -d -m 0755 /etc/noros",
    `cat > /etc/noros/environment <<'${HEREDOC}'`,
    ...names.map((name) => environmentLine(name, environment[name] as string | RefValue | TextValue)),
    HEREDOC,
    "",
  ].join("\n");
}
