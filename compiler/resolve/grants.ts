import type { Grant, GraphNode, PrincipalKind, TextValue, Use } from "../graph.js";

const arnOf = (kind: string, name: string, suffix = ""): TextValue => ({
  $noros: "text",
  parts: [{ $noros: "ref", kind, name, attribute: "arn" }, ...(suffix ? [suffix] : [])],
});

type Principal = Use<PrincipalKind>;

const grant = (principal: Principal, sid: string, action: string, resource: TextValue, reason: string): Grant => ({
  principal,
  sid,
  actions: [action],
  resources: [resource],
  reason,
});

/**
 * Least-privilege permissions derived from declared relationships, the way AWS CDK's grantRead works:
 * each relationship grants exactly the actions it needs on exactly the resource it names.
 */
export function bucketGrants(bucket: GraphNode<"bucket">): Grant[] {
  const name = pascal(bucket.name);
  const objects = arnOf("bucket", bucket.name, "/*");
  const reading = `reader of bucket "${bucket.name}"`;
  return [
    ...(bucket.props.readers as Principal[]).flatMap((reader) => [
      grant(reader, `Read${name}Objects`, "s3:GetObject", objects, reading),
      grant(reader, `List${name}`, "s3:ListBucket", arnOf("bucket", bucket.name), reading),
    ]),
    ...(bucket.props.writers as Principal[]).map((writer) => grant(writer, `Write${name}Objects`, "s3:PutObject", objects, `writer of bucket "${bucket.name}"`)),
  ];
}

export function hostGrants(host: GraphNode<"host"> | GraphNode<"host-group">): Grant[] {
  const self: Principal = { $noros: "use", kind: host.kind, name: host.name };
  return host.props.publishesTo.map((topic) => grant(self, `Publish${pascal(topic.name)}`, "sns:Publish", arnOf("topic", topic.name), `publisher to topic "${topic.name}"`));
}

/** "uploads-v2" -> "UploadsV2": IAM statement ids allow only letters and digits. */
export function pascal(name: string): string {
  return name
    .split("-")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}
