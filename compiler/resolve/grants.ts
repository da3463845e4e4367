import type { Grant, GraphNode, TextValue, Use } from "../graph.js";

const arnOf = (kind: string, name: string, suffix = ""): TextValue => ({
  $noros: "text",
  parts: [{ $noros: "ref", kind, name, attribute: "arn" }, ...(suffix ? [suffix] : [])],
});

type Principal = Use<"host" | "user" | "group">;

/**
 * Least-privilege permissions derived from declared relationships, the way AWS CDK's grantRead works:
 * each relationship grants exactly the actions it needs on exactly the resource it names.
 */
export function bucketGrants(bucket: GraphNode<"bucket">): Grant[] {
  const grants: Grant[] = [];
  for (const reader of bucket.props.readers as Principal[]) {
    grants.push({
      principal: reader,
      sid: `Read${pascal(bucket.name)}Objects`,
      actions: ["s3:GetObject"],
      resources: [arnOf("bucket", bucket.name, "/*")],
      reason: `reader of bucket "${bucket.name}"`,
    });
    grants.push({
      principal: reader,
      sid: `List${pascal(bucket.name)}`,
      actions: ["s3:ListBucket"],
      resources: [arnOf("bucket", bucket.name)],
      reason: `reader of bucket "${bucket.name}"`,
    });
  }
  for (const writer of bucket.props.writers as Principal[]) {
    grants.push({
      principal: writer,
      sid: `Write${pascal(bucket.name)}Objects`,
      actions: ["s3:PutObject"],
      resources: [arnOf("bucket", bucket.name, "/*")],
      reason: `writer of bucket "${bucket.name}"`,
    });
  }
  return grants;
}

export function hostGrants(host: GraphNode<"host">): Grant[] {
  return host.props.publishesTo.map((topic) => ({
    principal: { $noros: "use", kind: "host", name: host.name } as Principal,
    sid: `Publish${pascal(topic.name)}`,
    actions: ["sns:Publish"],
    resources: [arnOf("topic", topic.name)],
    reason: `publisher to topic "${topic.name}"`,
  }));
}

/** "uploads-v2" -> "UploadsV2": IAM statement ids allow only letters and digits. */
export function pascal(name: string): string {
  return name
    .split("-")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}
