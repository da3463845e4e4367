import type { GraphNode } from "../../../compiler/graph.js";
import type { TerraformDocument } from "../document.js";
import { interpolate } from "../expression.js";
import { localName, NAME_PREFIX } from "../naming.js";
import { policyDocument, type Statement } from "../policy-document.js";
import { s3EndpointId } from "./network.js";

/** S3 allows bucket_prefix of at most 37 characters; the rest of the name is made unique by AWS. */
const BUCKET_PREFIX_MAX = 37;

/**
 * A private bucket: public access blocked, owner-enforced, KMS-encrypted, versioned, TLS-only; when
 * restricted to a network, objects can be read only through that network's S3 endpoint.
 */
/**
 * What other constructs need of a bucket's policy and encryption: a load balancer writing its access
 * logs needs a statement letting ELB put objects, and SSE-S3 (ELB delivers to no KMS-encrypted bucket).
 */
export interface BucketNeeds {
  readonly statements: readonly Statement[];
  readonly encryption?: "AES256";
}

export function lowerBucket(node: GraphNode<"bucket">, tf: TerraformDocument, networks: ReadonlyMap<string, GraphNode<"network">>, physical = node.name, needs: BucketNeeds = { statements: [] }): void {
  const n = node.name;
  const { props } = node;
  const bucketId = interpolate(`aws_s3_bucket.${n}.id`);
  const arn = interpolate(`aws_s3_bucket.${n}.arn`);
  tf.resource(
    "aws_s3_bucket",
    n,
    {
      ...(props.bucketName ? { bucket: props.bucketName } : { bucket_prefix: interpolate(`substr("${NAME_PREFIX}-${physical}-", 0, ${BUCKET_PREFIX_MAX})`) }),
      force_destroy: props.forceDestroy,
    },
    n,
  );
  tf.resource("aws_s3_bucket_public_access_block", n, { bucket: bucketId, block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true }, n);
  tf.resource("aws_s3_bucket_ownership_controls", n, { bucket: bucketId, rule: { object_ownership: "BucketOwnerEnforced" } }, n);
  tf.resource(
    "aws_s3_bucket_server_side_encryption_configuration",
    n,
    {
      bucket: bucketId,
      rule: [needs.encryption === "AES256" ? { apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } } : { apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms" }, bucket_key_enabled: true }],
    },
    n,
  );
  tf.resource("aws_s3_bucket_versioning", n, { bucket: bucketId, versioning_configuration: { status: props.versioning ? "Enabled" : "Suspended" } }, n);

  const everyone = [{ type: "*", identifiers: ["*"] }];
  const statements: Statement[] = [
    {
      sid: "DenyInsecureTransport",
      effect: "Deny",
      actions: ["s3:*"],
      resources: [arn, `${arn}/*`],
      principals: everyone,
      conditions: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
    },
  ];
  const network = props.restrictTo ? networks.get(props.restrictTo.name) : undefined;
  if (network) {
    // Reads only; writers are declared principals and may upload from outside the network.
    statements.push({
      sid: "DenyReadsOutsideNetwork",
      effect: "Deny",
      actions: ["s3:GetObject", "s3:GetObjectVersion", "s3:ListBucket"],
      resources: [arn, `${arn}/*`],
      principals: everyone,
      conditions: [{ test: "StringNotEquals", variable: "aws:SourceVpce", values: [s3EndpointId(network)] }],
    });
  }
  statements.push(...needs.statements);
  const document = tf.data("aws_iam_policy_document", localName(n, "bucket"), policyDocument(statements), n);
  tf.resource(
    "aws_s3_bucket_policy",
    n,
    { bucket: bucketId, policy: interpolate(`${document}.json`), depends_on: [`aws_s3_bucket_public_access_block.${n}`] },
    n,
  );
}
