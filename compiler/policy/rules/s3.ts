import { securityHub, type Finding, type Rule } from "../rule.js";
import { bool, first, isExpression, mentions, nested, publicAllow, type Block, type TerraformView } from "../view.js";

const buckets = (view: TerraformView) => view.resources("aws_s3_bucket");
const attached = (view: TerraformView, type: string, bucket: Block) => view.attachedTo(type, "bucket", bucket, "bucket");
const PUBLIC_ACLS = new Set(["public-read", "public-read-write", "authenticated-read"]);

/** The bucket policies of a bucket, with their statements. */
const policiesOf = (view: TerraformView, bucket: Block) =>
  attached(view, "aws_s3_bucket_policy", bucket).map((policy) => ({ policy, statements: view.policyStatements(policy.body.policy, ["policy"]) }));

/** Whether a load balancer writes its access logs into the bucket (by reference or by name). */
function receivesAccessLogs(view: TerraformView, bucket: Block): boolean {
  const name = bucket.body.bucket;
  return view.resources("aws_lb", "aws_alb").some((lb) =>
    nested(lb.body, "access_logs").some((l) => mentions(l.body.bucket, bucket.address) || (typeof name === "string" && !isExpression(name) && l.body.bucket === name)),
  );
}

export const s3Rules: readonly Rule[] = [
  {
    id: "NOROS-S3-001",
    title: "S3 buckets block public access",
    rationale: "All four block-public-access settings keep a mistaken ACL or policy from publishing the bucket.",
    control: securityHub("S3.8"),
    resourceTypes: ["aws_s3_bucket", "aws_s3_bucket_public_access_block"],
    check(view) {
      const settings = ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"];
      return buckets(view).flatMap((bucket): Finding[] => {
        const blocks = attached(view, "aws_s3_bucket_public_access_block", bucket);
        if (blocks.length === 0) return [{ address: bucket.address, message: `${bucket.address} has no aws_s3_bucket_public_access_block` }];
        return blocks.flatMap((block) => {
          const off = settings.filter((s) => bool(block.body[s]) !== true);
          return off.length === 0 ? [] : [{ address: block.address, message: `${block.address} does not set ${off.join(", ")} to true`, path: [off[0] as string] }];
        });
      });
    },
  },
  {
    id: "NOROS-S3-002",
    title: "S3 buckets are encrypted with KMS by default",
    rationale: "SSE-KMS puts reads of every object under a key policy and CloudTrail, not only the bucket's (a load balancer's access-log bucket keeps SSE-S3, the only encryption ELB delivers to).",
    control: securityHub("S3.17"),
    resourceTypes: ["aws_s3_bucket", "aws_s3_bucket_server_side_encryption_configuration"],
    check(view) {
      return buckets(view).flatMap((bucket): Finding[] => {
        const configurations = attached(view, "aws_s3_bucket_server_side_encryption_configuration", bucket);
        const kms = configurations.some((c) => {
          const algorithm = first(first(c.body, "rule"), "apply_server_side_encryption_by_default")?.sse_algorithm;
          return algorithm === "aws:kms" || algorithm === "aws:kms:dsse";
        });
        if (kms) return [];
        // Elastic Load Balancing delivers access logs only to buckets encrypted with SSE-S3.
        const sseS3 = configurations.some((c) => first(first(c.body, "rule"), "apply_server_side_encryption_by_default")?.sse_algorithm === "AES256");
        if (sseS3 && receivesAccessLogs(view, bucket)) return [];
        const at = configurations[0];
        return [at ? { address: at.address, message: `${at.address} does not use sse_algorithm "aws:kms"`, path: ["rule"] } : { address: bucket.address, message: `${bucket.address} has no aws_s3_bucket_server_side_encryption_configuration` }];
      });
    },
  },
  {
    id: "NOROS-S3-003",
    title: "S3 bucket policies deny requests without TLS",
    rationale: "A Deny on aws:SecureTransport = false keeps objects from ever travelling in clear text.",
    control: securityHub("S3.5"),
    resourceTypes: ["aws_s3_bucket", "aws_s3_bucket_policy"],
    check(view) {
      return buckets(view).flatMap((bucket): Finding[] => {
        const policies = policiesOf(view, bucket);
        const denies = policies.some(({ statements }) =>
          statements.some((s) => s.effect === "Deny" && s.principals.includes("*") && (s.actions.includes("s3:*") || s.actions.includes("*")) &&
            s.conditions.some((c) => c.test === "Bool" && c.variable === "aws:SecureTransport" && c.values.includes("false"))),
        );
        if (denies) return [];
        const at = policies[0]?.policy;
        return [at ? { address: at.address, message: `${at.address} has no statement denying s3:* when aws:SecureTransport is false`, path: ["policy"] } : { address: bucket.address, message: `${bucket.address} has no bucket policy denying requests without TLS` }];
      });
    },
  },
  {
    id: "NOROS-S3-004",
    title: "S3 buckets disable ACLs (BucketOwnerEnforced)",
    rationale: "With ACLs disabled only policies grant access, and every object belongs to the bucket owner.",
    control: securityHub("S3.12"),
    resourceTypes: ["aws_s3_bucket", "aws_s3_bucket_ownership_controls"],
    check(view) {
      return buckets(view).flatMap((bucket): Finding[] => {
        const controls = attached(view, "aws_s3_bucket_ownership_controls", bucket);
        if (controls.some((c) => first(c.body, "rule")?.object_ownership === "BucketOwnerEnforced")) return [];
        const at = controls[0];
        return [at ? { address: at.address, message: `${at.address} does not set object_ownership "BucketOwnerEnforced"`, path: ["rule"] } : { address: bucket.address, message: `${bucket.address} has no aws_s3_bucket_ownership_controls` }];
      });
    },
  },
  {
    id: "NOROS-S3-005",
    title: "S3 buckets grant no public ACL",
    rationale: "A canned public ACL makes objects readable (or writable) by anyone on the internet.",
    control: securityHub("S3.2"),
    resourceTypes: ["aws_s3_bucket_acl", "aws_s3_bucket"],
    check(view) {
      return view.resources("aws_s3_bucket_acl", "aws_s3_bucket").flatMap((block): Finding[] => {
        const acl = block.body.acl;
        return typeof acl === "string" && PUBLIC_ACLS.has(acl) ? [{ address: block.address, message: `${block.address} sets the public ACL "${acl}"`, path: ["acl"] }] : [];
      });
    },
  },
  {
    id: "NOROS-S3-006",
    title: "S3 bucket policies do not allow everyone",
    rationale: "An Allow to Principal \"*\" without a condition publishes the bucket whatever else is configured.",
    control: securityHub("S3.2"),
    resourceTypes: ["aws_s3_bucket_policy"],
    check(view) {
      return view.resources("aws_s3_bucket_policy").flatMap((policy): Finding[] =>
        view.policyStatements(policy.body.policy, ["policy"]).filter(publicAllow).map((s) => ({ address: policy.address, message: `${policy.address} allows ${s.actions.join(", ") || "actions"} to everyone`, path: s.path })),
      );
    },
  },
];
