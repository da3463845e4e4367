import { z } from "zod";
import type { Construct } from "../core.js";
import { BackendSchema } from "./backend.js";
import { Region, Tags, ValueSchema, fail, use } from "./common.js";

const OutputName = z.string().superRefine((value, ctx) => {
  if (!/^[a-z][a-z0-9_]*$/.test(value)) fail(ctx, "NOROS2000", `output name "${value}" is invalid: use lowercase letters, digits and underscores`);
});

/**
 * The nixpkgs every NixOS host of the system is built from. The default is a nixos-25.05 commit
 * (NixOS/nixpkgs ac62194c, January 2026), the release the official AMIs and stateVersion follow.
 */
export const DEFAULT_NIXPKGS = {
  rev: "ac62194c3917d5f474c1a844b6fd6da2db95077d",
  narHash: "sha256-16KkgfdYqjaeRGBaYsNrhPRRENs0qzkQVUooNHtoy2w=",
} as const;

const NixpkgsPin = z.strictObject({
  /** A full nixpkgs commit: a branch name would let hosts drift apart. */
  rev: z.string().superRefine((value, ctx) => {
    if (!/^[0-9a-f]{40}$/.test(value)) fail(ctx, "NOROS2250", `nixpkgs rev "${value}" is not a full commit: write all 40 hexadecimal digits`);
  }),
  /** The content hash of that commit's source, checked when it is fetched. */
  narHash: z
    .string()
    .superRefine((value, ctx) => {
      if (!/^sha256-[A-Za-z0-9+/]{43}=$/.test(value)) fail(ctx, "NOROS2250", `nixpkgs narHash "${value}" is not an SRI sha256 hash (sha256-...=)`);
    })
    .optional(),
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
  /** The nixpkgs revision NixOS hosts are built from (flake.nix and the switch on each host use it). */
  nixpkgs: NixpkgsPin.default(DEFAULT_NIXPKGS),
});

export type SystemInput = z.input<typeof SystemSchema>;
export type SystemProps = z.output<typeof SystemSchema>;
