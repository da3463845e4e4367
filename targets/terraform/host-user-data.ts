import type { Graph, GraphNode, RefValue, TextValue } from "../../compiler/graph.js";
import { sha256 } from "../../compiler/util/hash.js";
import { cacheAuthArnVariable, cachesOnHost } from "../../compiler/util/host-cache.js";
import { nixpkgsTarball } from "../../compiler/util/nixpkgs.js";
import { interpolate, literal } from "./expression.js";
import { nixosUserData } from "./user-data.js";

/** EC2 refuses user data over 16 KB; Terraform sends it base64-encoded, and that is what is measured here. */
export const USER_DATA_LIMIT = 16 * 1024;

/** The Terraform-local name of the delivery bucket (constructs/delivery.ts). */
const DELIVERY_BUCKET = "aws_s3_bucket.noros_delivery";

type EnvironmentValue = string | RefValue | TextValue;

/** A host, or a host group whose instances all get the same user data. */
export type InstanceNode = GraphNode<"host"> | GraphNode<"host-group">;

/** The environment variable holding a log group's deployed name (the same rule as targets/nix/modules/log-pipeline.ts). */
function logGroupVariable(logGroup: string): string {
  return `NOROS_LOG_GROUP_${logGroup.toUpperCase().replace(/-/g, "_")}`;
}

/**
 * The host's environment: the author's variables, the deployed names of the log groups its log
 * pipelines ship to (they carry the deployment's name prefix, which only Terraform knows), and for each
 * cache it runs the ARN of the auth token it fetches at boot.
 */
export function hostEnvironment(host: InstanceNode, graph: Graph): Record<string, EnvironmentValue> {
  const environment: Record<string, EnvironmentValue> = { ...host.props.environment };
  for (const cache of cachesOnHost(graph, host.name)) {
    environment[cacheAuthArnVariable(cache.name)] = { $noros: "ref", kind: "secret", name: cache.props.authToken.name, attribute: "arn" };
  }
  for (const m of host.props.modules) {
    if (m.module !== "log-pipeline") continue;
    for (const group of [m.options.to, ...m.options.routes.map((r) => r.to)]) {
      environment[logGroupVariable(group.name)] = { $noros: "ref", kind: "log-group", name: group.name, attribute: "logGroupName" };
    }
  }
  return environment;
}

/** A heredoc delimiter that no line of the text equals. */
function delimiterFor(text: string, base: string): string {
  const lines = new Set(text.split("\n"));
  let delimiter = base;
  for (let i = 1; lines.has(delimiter); i++) delimiter = `${base}_${i}`;
  return delimiter;
}

/**
 * The install script's part of the user data: written to /var/lib/noros and run once per script
 * content (amazon-init runs user data on every boot; a marker named by the script's hash keeps a
 * reboot from installing again, and a changed script runs anew).
 */
function installPart(text: string, hash: string): string {
  const script = `/var/lib/noros/install-${hash}.sh`;
  const delimiter = delimiterFor(text, "NOROS_INSTALL_EOF");
  return [
    `if [ ! -e /var/lib/noros/install-${hash}.done ]; then`,
    "  install -d -m 0700 /var/lib/noros",
    `  cat > ${script} <<'${delimiter}'`,
    literal(text.endsWith("\n") ? text.slice(0, -1) : text),
    delimiter,
    `  chmod 0700 ${script}`,
    `  ${script}`,
    `  touch /var/lib/noros/install-${hash}.done`,
    "fi",
    "",
  ].join("\n");
}

/** The user data as it would be sent whole: the environment, then the install script if there is one. */
export function fullUserData(host: InstanceNode, graph: Graph): string {
  const base = nixosUserData(host.name, hostEnvironment(host, graph));
  const install = graph.installScripts.get(host.name);
  return install === undefined ? base : base + installPart(install.text, install.sha256.slice(0, 16));
}

/**
 * The size Terraform's rendered user data will have, base64-encoded. Values known only once deployed
 * (`${...}` expressions) are counted at 64 bytes each, more than an IP address, ARN-less name or id
 * they stand for; an escaped `$${` counts as the one `${` Terraform leaves.
 */
export function estimatedBase64Size(template: string): number {
  const rendered = template.replace(/\$\{[^}]*\}/g, (match, offset: number) => (template[offset - 1] === "$" ? match : "x".repeat(64))).replace(/\$\$\{/g, "${");
  const bytes = Buffer.byteLength(rendered, "utf8");
  return 4 * Math.ceil(bytes / 3);
}

export interface StagedUserData {
  /** The object key in the delivery bucket, keyed by the content's hash. */
  readonly key: string;
  /** The full user data, stored as the object. */
  readonly content: string;
}

/** Where a host's full user data is staged when it is too large to send, or undefined when it fits. */
export function stagedUserData(host: InstanceNode, graph: Graph): StagedUserData | undefined {
  if (!graph.hostConfigurations.has(host.name)) return undefined;
  const content = fullUserData(host, graph);
  if (estimatedBase64Size(content) <= USER_DATA_LIMIT) return undefined;
  return { key: `user-data/${host.name}/${sha256(content)}.sh`, content };
}

/** The local name of a host's staged user data object. */
export const stagedObjectName = (host: string): string => `${host}_user_data`;

/**
 * The user data a NixOS host's instance gets: the whole script when it fits, else a fetch-and-run
 * script that copies the staged one from the delivery bucket (the role may read exactly that key) with
 * the AWS CLI from the system's pinned nixpkgs, retrying while the role's policy propagates, and runs it.
 */
export function hostUserData(host: InstanceNode, graph: Graph): string {
  const staged = stagedUserData(host, graph);
  if (staged === undefined) return fullUserData(host, graph);
  const object = `aws_s3_object.${stagedObjectName(host.name)}`;
  const tarball = nixpkgsTarball(graph.system.props.nixpkgs.rev);
  return [
    "#!/usr/bin/env bash",
    literal(`# noros host ${host.name}: its user data (${estimatedBase64Size(staged.content)} bytes base64-encoded) is over EC2's 16 KB, so it is staged in S3: fetch it and run it`),
    "set -euo pipefail",
    "install -d -m 0700 /run/noros",
    "for attempt in $(seq 1 30); do",
    `  if nix-shell -I nixpkgs=${tarball} -p awscli2 --run "aws s3 cp s3://${interpolate(`${DELIVERY_BUCKET}.bucket`)}/${interpolate(`${object}.key`)} /run/noros/user-data.sh"; then break; fi`,
    "  sleep 10",
    "done",
    "exec bash /run/noros/user-data.sh",
    "",
  ].join("\n");
}
