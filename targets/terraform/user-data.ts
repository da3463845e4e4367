import type { HostConfiguration, RefValue, TextValue } from "../../compiler/graph.js";
import { literal, refExpression } from "./expression.js";

/** The most EC2 accepts: 16 KiB of user data (base64 adds a third, so we count the encoded size). */
export const USER_DATA_LIMIT = 16 * 1024;

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
 * The user data of a NixOS host: a script (NixOS's amazon-init runs user data that starts with `#!`)
 * that writes the host's environment and configuration, then switches to it. Quoted heredocs keep the
 * shell from expanding anything in them.
 */
export function nixosUserData(
  host: string,
  configuration: HostConfiguration,
  environment: Readonly<Record<string, string | RefValue | TextValue>>,
): string {
  const names = Object.keys(environment).sort();
  const lines = [
    "#!/usr/bin/env bash",
    literal(`# noros host ${host}, configuration sha256 ${configuration.sha256}`),
    "set -euo pipefail",
    "install -d -m 0755 /etc/noros",
    `cat > /etc/noros/environment <<'${HEREDOC}'`,
    ...names.map((name) => environmentLine(name, environment[name] as string | RefValue | TextValue)),
    HEREDOC,
    `cat > /etc/nixos/configuration.nix <<'${HEREDOC}'`,
    literal(configuration.configuration.replace(/\n$/, "")),
    HEREDOC,
    "nixos-rebuild switch",
    "",
  ];
  return lines.join("\n");
}
