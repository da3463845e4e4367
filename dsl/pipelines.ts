import { construct, type Construct } from "./core.js";
import type { PipelinesInput } from "./schemas/pipelines.js";

/** Pipelines expose no references: the roles' ARNs are the outputs <name>_build_role_arn and <name>_apply_role_arn. */
export const pipelinesAttributes = {} as const;

export type Pipelines = Construct<"pipelines", PipelinesInput>;

/**
 * CI pipelines on GitHub Actions: `pipelines("ci", { github: { repository: "acme/shop" }, images: [web], apply: true })`
 * writes out/github/workflows/build-<service>.yml for each image (and apply.yml with `apply`), and
 * creates the IAM roles they assume through GitHub's OIDC provider, trusted only by that
 * repository's branch.
 */
export function pipelines(name: string, props: PipelinesInput): Pipelines {
  return construct("pipelines", name, props, pipelinesAttributes);
}
