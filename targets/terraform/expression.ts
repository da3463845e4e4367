import type { RefValue, TextValue } from "../../compiler/graph.js";

/** Terraform addresses for each construct attribute: what a typed reference lowers to. */
const attributeExpressions: Record<string, Record<string, (name: string) => string>> = {
  network: { vpcId: (n) => `aws_vpc.${n}.id`, cidrBlock: (n) => `aws_vpc.${n}.cidr_block` },
  bucket: { arn: (n) => `aws_s3_bucket.${n}.arn`, bucketName: (n) => `aws_s3_bucket.${n}.bucket` },
  user: { arn: (n) => `aws_iam_user.${n}.arn` },
  group: { arn: (n) => `aws_iam_group.${n}.arn` },
  host: { instanceId: (n) => `aws_instance.${n}.id`, privateIp: (n) => `aws_instance.${n}.private_ip`, roleArn: (n) => `aws_iam_role.${n}.arn` },
  topic: { arn: (n) => `aws_sns_topic.${n}.arn` },
  "log-group": { arn: (n) => `aws_cloudwatch_log_group.${n}.arn`, logGroupName: (n) => `aws_cloudwatch_log_group.${n}.name` },
  service: { repositoryUrl: (n) => `aws_ecr_repository.${n}.repository_url` },
};

/** The bare Terraform expression a reference stands for, e.g. `aws_s3_bucket.uploads.arn`. */
export function refExpression(ref: RefValue): string {
  const lower = attributeExpressions[ref.kind]?.[ref.attribute];
  if (!lower) throw new Error(`internal: no Terraform expression for ${ref.kind}.${ref.attribute}`);
  return lower(ref.name);
}

/** A literal string as a Terraform JSON string: `${` and `%{` would start a template, so they are doubled. */
export function literal(value: string): string {
  // A replacement function, because in a replacement string "$$" itself means "$".
  return value.replace(/[$%]\{/g, (match) => `${match[0]}${match}`);
}

/** `${expression}` */
export function interpolate(expression: string): string {
  return `\${${expression}}`;
}

export function refString(ref: RefValue): string {
  return interpolate(refExpression(ref));
}

/** A string, a reference or text as one Terraform JSON string. */
export function valueString(value: string | RefValue | TextValue): string {
  if (typeof value === "string") return literal(value);
  if (value.$noros === "ref") return refString(value);
  return value.parts.map((part) => (typeof part === "string" ? literal(part) : refString(part))).join("");
}
