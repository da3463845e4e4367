import { z } from "zod";
import type { Network } from "../network.js";
import type { Topic } from "../topic.js";
import { Cidr, Port, Tags, ValueSchema, codedString, fail, use } from "./common.js";
import { FlowFrom } from "./flow.js";
import { NixosModuleSchema } from "./nixos/index.js";

export const InstanceType = codedString(
  "NOROS2012",
  (value) => /^[a-z][a-z0-9-]*\.[a-z0-9]+$/.test(value) && /\d/.test(value.split(".")[0] ?? ""),
  (value) => `"${value}" is not an EC2 instance type such as t3.micro`,
);

/**
 * Tags on the instance(s), for what finds hosts by tag (Consul's and Nomad's `retry_join` with
 * `provider=aws tag_key=... tag_value=...`, cost reports). Name and the noros: and aws: prefixes are
 * noros's and AWS's own.
 */
export const InstanceTags = Tags.superRefine((tags, ctx) => {
  for (const key of Object.keys(tags)) {
    if (key === "Name" || key.startsWith("noros:") || key.toLowerCase().startsWith("aws:")) {
      fail(ctx, "NOROS2041", `tag "${key}" is reserved: noros sets Name and the noros: tags, AWS the aws: tags`, [key]);
    }
  }
});

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
  /**
   * Restart on failure: when the system status check fails (the hardware or AWS's network under the
   * instance), CloudWatch recovers the instance onto healthy hardware, keeping its id, IP and volumes;
   * when the instance status check fails (the OS stopped answering), CloudWatch reboots it. On by
   * default: two alarms cost little, and without them a hung host stays down until someone notices.
   * (EC2 cannot recover instance types with instance-store volumes, such as c5d or i4i.)
   */
  restartOnFailure: z.boolean().default(true),
  /** Topics told when one of the host's alarms fires or clears (restart on failure). */
  notify: z.array(use<Topic>("topic")).default([]),
  /**
   * Inbound traffic the host accepts: a port and protocol from an address range, or from another
   * construct (`from: lb`), whose security group the rule then names. Nothing else gets in.
   */
  ingress: z
    .array(z.strictObject({ port: Port, protocol: z.enum(["tcp", "udp"]).default("tcp"), from: FlowFrom, description: z.string().max(255).optional() }))
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
  /** Tags on the instance (see InstanceTags). */
  tags: InstanceTags.default({}),
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
