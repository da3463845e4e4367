import type { Grant, GraphNode, PrincipalKind, TextValue, Use } from "../graph.js";
import { kmsUseActions, secretStore, type SecretUse } from "../util/secret-uses.js";

const arnOf = (kind: string, name: string, suffix = "", attribute = "arn"): TextValue => ({
  $noros: "text",
  parts: [{ $noros: "ref", kind, name, attribute }, ...(suffix ? [suffix] : [])],
});

/** Resource "*", for the few actions IAM cannot scope to a resource. */
const anyResource: TextValue = { $noros: "text", parts: ["*"] };

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

/** The EC2 action each declared host action is, on that one instance. */
const instanceActions = { reboot: "ec2:RebootInstances", start: "ec2:StartInstances", stop: "ec2:StopInstances" } as const;

/**
 * A function's permissions: writing its own log group (every function needs that, and nothing more
 * by default), then, for each host it `controls`, exactly the declared actions on that instance's ARN,
 * and `sns:Publish` on each topic it publishes to. Two actions cannot be scoped to a resource (IAM
 * lists no resource type for them), so they are granted on "*" only when declared: describe
 * (ec2:DescribeInstances) and readMetrics (cloudwatch:GetMetricData); neither changes anything.
 */
export function functionGrants(fn: GraphNode<"function">): Grant[] {
  const self: Principal = { $noros: "use", kind: "function", name: fn.name };
  const grants: Grant[] = [
    {
      principal: self,
      sid: "WriteOwnLogs",
      actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
      resources: [arnOf("function", fn.name, ":*", "logGroupArn")],
      reason: `function "${fn.name}" writes its own log group`,
    },
  ];
  const unscoped = new Map<string, string[]>();
  for (const { host, actions } of fn.props.controls) {
    const reason = `function "${fn.name}" controls host "${host.name}"`;
    for (const action of [...new Set(actions)].sort()) {
      if (action === "describe" || action === "readMetrics") {
        unscoped.set(action, [...(unscoped.get(action) ?? []), host.name]);
        continue;
      }
      const verb = action.charAt(0).toUpperCase() + action.slice(1);
      grants.push(grant(self, `${verb}${pascal(host.name)}`, instanceActions[action], arnOf("host", host.name), reason));
    }
  }
  const describing = unscoped.get("describe");
  if (describing) {
    grants.push(grant(self, "DescribeInstances", "ec2:DescribeInstances", anyResource, `function "${fn.name}" reads the state of host${describing.length > 1 ? "s" : ""} ${describing.map((h) => `"${h}"`).join(", ")} (DescribeInstances has no resource-level permission)`));
  }
  const metrics = unscoped.get("readMetrics");
  if (metrics) {
    grants.push(grant(self, "ReadMetrics", "cloudwatch:GetMetricData", anyResource, `function "${fn.name}" reads the metrics of host${metrics.length > 1 ? "s" : ""} ${metrics.map((h) => `"${h}"`).join(", ")} (GetMetricData has no resource-level permission)`));
  }
  for (const topic of fn.props.publishesTo) {
    grants.push(grant(self, `Publish${pascal(topic.name)}`, "sns:Publish", arnOf("topic", topic.name), `publisher to topic "${topic.name}"`));
  }
  return grants;
}

/** "uploads-v2" -> "UploadsV2": IAM statement ids allow only letters and digits. */
export function pascal(name: string): string {
  return name
    .split("-")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

/**
 * A secret's readers may fetch exactly that secret (GetSecretValue, or GetParameter for SSM), and
 * decrypt with its customer-managed key when it has one. ECS services' execution roles are granted
 * in the service's own execution policy instead (they are not the task's identity).
 */
export function secretGrants(secret: GraphNode<"secret">, uses: readonly SecretUse[]): Grant[] {
  const name = pascal(secret.name);
  const store = secretStore(secret);
  const key = secret.props.kmsKey;
  return uses
    .filter((u) => u.identity === "own")
    .flatMap((u) => [
      grant(u.principal, `Read${name}Secret`, store === "ssm" ? "ssm:GetParameter" : "secretsmanager:GetSecretValue", arnOf("secret", secret.name), u.reason),
      ...(key ? [grant(u.principal, `Decrypt${name}Secret`, "kms:Decrypt", arnOf("kms-key", key.name), u.reason)] : []),
    ]);
}

/** A key's declared users may encrypt and decrypt with it, nothing more (no administration). */
export function kmsKeyGrants(key: GraphNode<"kms-key">): Grant[] {
  const name = pascal(key.name);
  return (key.props.users as Principal[]).map((user) => ({
    principal: user,
    sid: `Use${name}Key`,
    actions: [...kmsUseActions],
    resources: [arnOf("kms-key", key.name)],
    reason: `user of KMS key "${key.name}"`,
  }));
}

/** The partition of a region, for the few ARNs a grant must spell out. */
function partitionOf(region: string): string {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}

/** What pushing an image to one repository takes (checking and uploading layers, writing the manifest). */
export const ecrPushActions = [
  "ecr:BatchCheckLayerAvailability",
  "ecr:BatchGetImage",
  "ecr:CompleteLayerUpload",
  "ecr:DescribeImages",
  "ecr:InitiateLayerUpload",
  "ecr:PutImage",
  "ecr:UploadLayerPart",
] as const;

/** What pulling an image from one repository takes. */
export const ecrPullActions = ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"] as const;

/**
 * An image build's CodeBuild role: write its own log group, read the uploads under its prefix of its
 * source bucket (nothing else there, not even a listing), push to its own repository. Two things IAM
 * cannot scope: an ECR login token (ecr:GetAuthorizationToken has no resource type; the token only
 * lets the role do what its other statements allow), and, for a build in a network, the network
 * interfaces CodeBuild creates in it (their describe, create and delete actions take "*"; handing one
 * to CodeBuild is limited to CodeBuild in that VPC). Its `pullers` may pull from its repository.
 */
export function imageBuildGrants(build: GraphNode<"image-build">, region: string): Grant[] {
  const self: Principal = { $noros: "use", kind: "image-build", name: build.name };
  const reason = `image build "${build.name}"`;
  const grants: Grant[] = [
    {
      principal: self,
      sid: "WriteOwnLogs",
      actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
      resources: [arnOf("image-build", build.name, ":*", "logGroupArn")],
      reason: `${reason} writes its own log group`,
    },
    grant(self, `Read${pascal(build.props.source.name)}Uploads`, "s3:GetObject", arnOf("bucket", build.props.source.name, `/${build.props.prefix}*`), `${reason} reads the uploads under "${build.props.prefix}" of bucket "${build.props.source.name}"`),
    grant(self, "EcrLogin", "ecr:GetAuthorizationToken", anyResource, `${reason} logs in to ECR to push: GetAuthorizationToken has no resource-level permission`),
    {
      principal: self,
      sid: "PushOwnImages",
      actions: [...ecrPushActions],
      resources: [arnOf("image-build", build.name, "", "repositoryArn")],
      reason: `${reason} pushes to its own repository`,
    },
  ];
  // Pulling: the layers and manifests of this repository only, and a login token (no resource type).
  for (const puller of build.props.pullers as Principal[]) {
    const pulling = `puller of image build "${build.name}"`;
    grants.push(
      { principal: puller, sid: `Pull${pascal(build.name)}Images`, actions: [...ecrPullActions], resources: [arnOf("image-build", build.name, "", "repositoryArn")], reason: pulling },
      grant(puller, `EcrLoginFor${pascal(build.name)}`, "ecr:GetAuthorizationToken", anyResource, `${pulling}: GetAuthorizationToken has no resource-level permission`),
    );
  }
  const network = build.props.network;
  if (network) {
    grants.push(
      {
        principal: self,
        sid: "BuildNetworkInterfaces",
        actions: ["ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface", "ec2:DescribeDhcpOptions", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVpcs"],
        resources: [anyResource],
        reason: `${reason} runs in network "${network.name}": CodeBuild's network interface actions have no resource-level permission`,
      },
      {
        principal: self,
        sid: "AttachBuildNetworkInterfaces",
        actions: ["ec2:CreateNetworkInterfacePermission"],
        resources: [{ $noros: "text", parts: [`arn:${partitionOf(region)}:ec2:${region}:*:network-interface/*`] }],
        reason: `${reason} lets CodeBuild use its network interfaces in network "${network.name}" only`,
        conditions: [
          { test: "StringEquals", variable: "ec2:AuthorizedService", values: [{ $noros: "text", parts: ["codebuild.amazonaws.com"] }] },
          { test: "ArnLike", variable: "ec2:Vpc", values: [{ $noros: "text", parts: [`arn:${partitionOf(region)}:ec2:${region}:*:vpc/`, { $noros: "ref", kind: "network", name: network.name, attribute: "vpcId" }] }] },
        ],
      },
    );
  }
  return grants;
}
