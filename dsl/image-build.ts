import { construct, type Construct, type Ref } from "./core.js";
import type { ImageBuildInput } from "./schemas/image-build.js";

/** The references an image build exposes, and the type of value each stands for. */
export const imageBuildAttributes = {
  repositoryUrl: "string",
  repositoryArn: "arn",
  projectName: "string",
  roleArn: "arn",
  logGroupArn: "arn",
} as const;

export type ImageBuild = Construct<"image-build", ImageBuildInput> & {
  readonly repositoryUrl: Ref<"string">;
  readonly repositoryArn: Ref<"arn">;
  readonly projectName: Ref<"string">;
  readonly roleArn: Ref<"arn">;
  readonly logGroupArn: Ref<"arn">;
};

/**
 * An environment build pipeline: each Dockerfile or image uploaded to the `source` bucket (under
 * `prefix`) starts a CodeBuild build that builds or loads it and pushes it to the build's own ECR
 * repository. The build's role may read only those uploads, push only to that repository and write only
 * its own log group; the EventBridge rule's role may start only that project.
 */
export function imageBuild(name: string, props: ImageBuildInput): ImageBuild {
  return construct("image-build", name, props, imageBuildAttributes);
}
