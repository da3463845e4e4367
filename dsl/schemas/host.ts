import { z } from "zod";
import type { Network } from "../network.js";
import type { Topic } from "../topic.js";
import { Cidr, Port, ValueSchema, codedString, fail, use } from "./common.js";
import { NixosModuleSchema } from "./nixos/index.js";

export const InstanceType = codedString(
  "NOROS2012",
  (value) => /^[a-z][a-z0-9-]*\.[a-z0-9]+$/.test(value) && /\d/.test(value.split(".")[0] ?? ""),
  (value) => `"${value}" is not an EC2 instance type such as t3.micro`,
);

export const HostSchema = z.strictObject({
  /** The network the host lives in. */
  network: use<Network>("network"),
  /** Which of the network's subnets: private hosts have no public IP. */
  subnet: z.enum(["private", "public"]).default("private"),
  /** The EC2 instance type. */
  instanceType: InstanceType.default("t3.micro"),
  /** The operating system: NixOS, configured by noros, or a given AMI (configured by you). */
  os: z.union([z.literal("nixos"), z.strictObject({ ami: z.string().regex(/^ami-[0-9a-f]{8,17}$/, "expected an AMI id such as ami-0123456789abcdef0") })]).default("nixos"),
  /** Size of the encrypted root volume. */
  diskGb: z.number().int().min(8).max(16384).default(20),
  /** Inbound traffic the host accepts: a port and protocol from an address range. Nothing else gets in. */
  ingress: z
    .array(z.strictObject({ port: Port, protocol: z.enum(["tcp", "udp"]).default("tcp"), from: Cidr, description: z.string().max(255).optional() }))
    .default([]),
  /**
   * Environment variables for everything on the host, delivered with its user data: values may refer
   * to other constructs (`PEER: other.privateIp`), which makes the host depend on them.
   */
  environment: z
    .record(
      z.string().superRefine((key, ctx) => {
        if (!/^[A-Z_][A-Z0-9_]*$/.test(key)) fail(ctx, "NOROS2000", `environment variable name "${key}" is invalid: use upper-case letters, digits and underscores`);
      }),
      ValueSchema,
    )
    .default({}),
  /**
   * NixOS modules the host runs (`nginx({...})`, `consul({...})`, ...): each adds its part of the
   * configuration, its own system user, and its own firewall and security group rules.
   */
  modules: z.array(NixosModuleSchema).default([]),
  /**
   * A shell script run once on the host's first boot with this script (a file next to the system
   * file, such as "./install.sh"). It travels in the user data; one too large for it (16 KB) is
   * staged in S3 and fetched by a short user data instead.
   */
  install: z
    .string()
    .regex(/^\.{1,2}\/[A-Za-z0-9._/-]+$/, 'a relative path such as "./install.sh"')
    .optional(),
  /**
   * Bake the host's NixOS configuration into an AMI with Packer: noros writes packer/<host>.pkr.json,
   * which starts from the official NixOS AMI, copies the configuration and builds it into the image.
   */
  bake: z.boolean().default(false),
  /** Topics the host may publish to. */
  publishesTo: z.array(use<Topic>("topic")).default([]),
});

export type HostInput = z.input<typeof HostSchema>;
export type HostProps = z.output<typeof HostSchema>;
