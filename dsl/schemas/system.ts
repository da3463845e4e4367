import { z } from "zod";
import type { Construct } from "../core.js";
import { BackendSchema } from "./backend.js";
import { Region, Tags, ValueSchema, fail, use } from "./common.js";

const OutputName = z.string().superRefine((value, ctx) => {
  if (!/^[a-z][a-z0-9_]*$/.test(value)) fail(ctx, "NOROS2000", `output name "${value}" is invalid: use lowercase letters, digits and underscores`);
});

export const SystemSchema = z.strictObject({
  /** The AWS region everything is created in. */
  region: Region,
  /** The constructs of the system; constructs they refer to are included automatically. */
  resources: z.array(use<Construct>()),
  /** Values printed after deployment (and by `terraform output`), such as an endpoint URL. */
  outputs: z.record(OutputName, ValueSchema).default({}),
  /** Tags on every resource, in addition to noros's own. */
  tags: Tags.default({}),
  /** Where Terraform keeps the state: an S3 bucket with lock files. Without it, a local file. */
  backend: BackendSchema.optional(),
});

export type SystemInput = z.input<typeof SystemSchema>;
export type SystemProps = z.output<typeof SystemSchema>;
