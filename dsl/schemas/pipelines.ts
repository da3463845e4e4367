import { z } from "zod";
import type { Service } from "../service.js";
import { codedString, fail, use } from "./common.js";

/** A GitHub repository as `owner/name`, in the characters GitHub allows. */
const Repository = codedString(
  "NOROS2360",
  (value) => /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/.test(value) && !/\/\.{1,2}$/.test(value),
  (value) => `"${value}" is not a GitHub repository: write owner/name, e.g. "acme/shop"`,
);

/** A branch name that is safe both in a git ref and in the OIDC subject (no wildcards, no spaces). */
const Branch = codedString(
  "NOROS2361",
  (value) => /^[A-Za-z0-9._/-]{1,200}$/.test(value) && !value.startsWith("/") && !value.endsWith("/") && !value.includes("..") && !value.includes("//") && !value.endsWith(".lock"),
  (value) => `"${value}" is not a branch name noros accepts: use letters, digits, ".", "_", "-" and "/" (no wildcards: the role trusts exactly one branch)`,
);

/** The system's directory inside the repository, where the workflows run `noros compile`. */
const Directory = codedString(
  "NOROS2362",
  (value) => value === "." || (/^[A-Za-z0-9._/-]{1,300}$/.test(value) && !value.startsWith("/") && !value.endsWith("/") && !value.split("/").some((s) => s === ".." || s === "" || s === ".")),
  (value) => `"${value}" is not a directory of the repository: use a relative path such as "infra/shop" (or "." for the root)`,
);

/**
 * CI pipelines on GitHub Actions: a workflow per image that builds and pushes it, and (with `apply`)
 * one that applies the infrastructure. Both authenticate with GitHub's OIDC tokens to IAM roles that
 * only workflows of `github.repository` running on `github.branch` may assume: no AWS key is stored
 * in GitHub.
 */
export const PipelinesSchema = z
  .strictObject({
    github: z.strictObject({
      /** The repository whose workflows may assume the roles, as owner/name. */
      repository: Repository,
      /** The one branch whose workflows may assume the roles; pushes to it trigger the workflows. */
      branch: Branch.default("main"),
      /** Where the system file is, relative to the repository's root. */
      directory: Directory.default("."),
      /**
       * The account's OIDC provider for token.actions.githubusercontent.com: "create" it here, or
       * use the "existing" one (an account has at most one provider per URL).
       */
      oidcProvider: z.enum(["create", "existing"]).default("create"),
    }),
    /** The services whose images the build workflows build and push (each its own workflow). */
    images: z.array(use<Service>("service")).default([]),
    /** Also a workflow that runs terraform plan and apply on every push to the branch. Needs a backend. */
    apply: z.boolean().default(false),
  })
  .superRefine((p, ctx) => {
    if (p.images.length === 0 && !p.apply) fail(ctx, "NOROS2363", "pipelines that build no image and apply nothing do nothing: list images, or set apply: true", ["images"]);
    const seen = new Set<string>();
    p.images.forEach((image, index) => {
      if (seen.has(image.name)) fail(ctx, "NOROS2363", `service "${image.name}" is listed twice in images`, ["images", index]);
      seen.add(image.name);
    });
  });

export type PipelinesInput = z.input<typeof PipelinesSchema>;
export type PipelinesProps = z.output<typeof PipelinesSchema>;
