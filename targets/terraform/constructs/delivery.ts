import { nixpkgsTarball } from "../../../compiler/util/nixpkgs.js";
import { nodesOf, type Graph, type GraphNode } from "../../../compiler/graph.js";
import type { TerraformDocument } from "../document.js";
import { interpolate, literal } from "../expression.js";
import { localName, physicalName } from "../naming.js";
import { policyDocument } from "../policy-document.js";
import { lowerBucket } from "./bucket.js";
import { configurationConcurrency, HOST_GROUP_TAG } from "./host-group.js";

/** Terraform-local name of the bucket holding host configurations: an underscore, so no author name collides. */
export const DELIVERY = "noros_delivery";

export function configurationKey(host: string, sha256: string): string {
  return `hosts/${host}/${sha256}/configuration.nix`;
}

/** The SSM document's parameter names, and what each value must look like (SSM refuses anything else). */
const URL_PARAMETER = "configurationUrl";
const SHA256_PARAMETER = "sha256";

/**
 * The system's own SSM Command document, run by every host's association: fetch the configuration at
 * the URL the association passes, check it against the sha256 it passes, switch to it, built from the
 * system's pinned nixpkgs (the same commit flake.nix locks), never from the host's channel. The
 * document names no host and no hash, so a changed configuration changes only the association's
 * parameters; each parameter has an allowed pattern, so SSM never substitutes anything else into the
 * script.
 */
export function deliveryDocument(nixpkgsRev: string): Record<string, unknown> {
  const nixpkgs = nixpkgsTarball(nixpkgsRev);
  return {
    schemaVersion: "2.2",
    description: "noros: fetch a host's NixOS configuration from S3, check its sha256 and switch to it",
    parameters: {
      [URL_PARAMETER]: {
        type: "String",
        description: "s3:// URL of the configuration, keyed by its content hash",
        allowedPattern: "^s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]/hosts/[A-Za-z0-9_-]+/[0-9a-f]{64}/configuration\\.nix$",
      },
      [SHA256_PARAMETER]: { type: "String", description: "sha256 of the configuration", allowedPattern: "^[0-9a-f]{64}$" },
    },
    mainSteps: [
      {
        action: "aws:runShellScript",
        name: "switch",
        inputs: {
          timeoutSeconds: "1800",
          runCommand: [
            "set -euo pipefail",
            `url='{{ ${URL_PARAMETER} }}'`,
            `sha256='{{ ${SHA256_PARAMETER} }}'`,
            `nix-shell -I nixpkgs=${nixpkgs} -p awscli2 --run "aws s3 cp $url /etc/nixos/configuration.nix.next"`,
            'echo "$sha256  /etc/nixos/configuration.nix.next" | sha256sum -c -',
            "mv /etc/nixos/configuration.nix.next /etc/nixos/configuration.nix",
            `nixos-rebuild switch -I nixpkgs=${nixpkgs}`,
          ],
        },
      },
    ],
  };
}

/**
 * Delivering NixOS configurations without SSH, and without the classic problem of a provisioner that
 * fails while Terraform believes the host is fine: each configuration is an S3 object keyed by its
 * content hash, and an SSM association on the instance runs the system's own Command document
 * (deliveryDocument) with that object's URL and hash, which fetches, checks and switches to it.
 * A changed configuration changes only the object and the association's parameters, so the association
 * runs again; `terraform apply` waits for it to succeed (a failed switch fails the apply, visibly, and
 * the schedule retries it), and the instance itself is never replaced.
 */
export function lowerDelivery(graph: Graph, tf: TerraformDocument): void {
  const hosts = [...nodesOf(graph, "host"), ...nodesOf(graph, "host-group")].filter((h) => graph.hostConfigurations.has(h.name));
  if (hosts.length === 0) return;
  const bucket: GraphNode<"bucket"> = {
    kind: "bucket",
    name: DELIVERY,
    props: { versioning: false, forceDestroy: true, readers: [], writers: [] },
    pos: graph.system.pos,
  };
  lowerBucket(bucket, tf, new Map(), "delivery");
  // Printed as JSON (document_format JSON), the document's own syntax, by JSON.stringify.
  tf.resource(
    "aws_ssm_document",
    DELIVERY,
    {
      name: physicalName("configuration"),
      document_type: "Command",
      document_format: "JSON",
      content: literal(JSON.stringify(deliveryDocument(graph.system.props.nixpkgs.rev), null, 2)),
    },
    DELIVERY,
  );

  for (const host of hosts) {
    const n = host.name;
    const configuration = graph.hostConfigurations.get(n);
    if (!configuration) continue;
    const key = configurationKey(n, configuration.sha256);
    tf.resource(
      "aws_s3_object",
      localName(n, "configuration"),
      { bucket: interpolate(`aws_s3_bucket.${DELIVERY}.id`), key, content: literal(configuration.configuration), content_type: "text/plain; charset=utf-8" },
      n,
    );
    const document = tf.data(
      "aws_iam_policy_document",
      localName(n, "delivery"),
      policyDocument([{ sid: "ReadOwnConfiguration", actions: ["s3:GetObject"], resources: [`${interpolate(`aws_s3_bucket.${DELIVERY}.arn`)}/hosts/${n}/*`] }]),
      n,
    );
    tf.resource("aws_iam_role_policy", localName(n, "delivery"), { name: physicalName(n, "delivery"), role: interpolate(`aws_iam_role.${n}.id`), policy: interpolate(`${document}.json`) }, n);
    tf.resource(
      "aws_ssm_association",
      localName(n, "configuration"),
      {
        name: interpolate(`aws_ssm_document.${DELIVERY}.name`),
        association_name: physicalName(n, "configuration"),
        // A host group's instances come and go: State Manager applies the association to each one
        // that joins, found by its tag; apply cannot wait for instances that may not exist yet.
        targets: host.kind === "host" ? [{ key: "InstanceIds", values: [interpolate(`aws_instance.${n}.id`)] }] : [{ key: `tag:${HOST_GROUP_TAG}`, values: [physicalName(n)] }],
        parameters: { [URL_PARAMETER]: `s3://${interpolate(`aws_s3_bucket.${DELIVERY}.bucket`)}/${key}`, [SHA256_PARAMETER]: configuration.sha256 },
        max_errors: "0",
        // A group switches a few instances at a time, as its rolling update allows (SSM's default is all at once).
        ...(host.kind === "host-group" ? { max_concurrency: configurationConcurrency(host.props.rollingUpdate) } : {}),
        compliance_severity: "HIGH",
        schedule_expression: "rate(30 minutes)",
        ...(host.kind === "host" ? { wait_for_success_timeout_seconds: 1800 } : {}),
        depends_on: [`aws_s3_object.${localName(n, "configuration")}`, `aws_iam_role_policy.${localName(n, "delivery")}`],
      },
      n,
    );
  }
}
