import { z } from "zod";
import { Cidr, Port, codedString, fail } from "../common.js";

/**
 * A port a NixOS module listens on. The same rule opens the NixOS firewall and adds the host's
 * security group rule, so the two never disagree; `from` defaults to the host's own network (the VPC).
 */
export const ModulePort = z
  .strictObject({
    /** The port, or the first of a range. */
    port: Port,
    /** The last port of a range (Consul Connect's sidecars, Nomad's dynamic ports). */
    toPort: Port.optional(),
    protocol: z.enum(["tcp", "udp"]).default("tcp"),
    /** Who may connect: an address range; the host's network when not given. */
    from: Cidr.optional(),
    /** What the rule is for, shown on the security group rule. */
    description: z.string().max(200).optional(),
  })
  .superRefine((rule, ctx) => {
    if (rule.toPort !== undefined && rule.toPort < rule.port) fail(ctx, "NOROS2260", `port range ${rule.port}-${rule.toPort} ends before it starts`, ["toPort"]);
  });

export type ModulePortInput = z.input<typeof ModulePort>;
export type ModulePortProps = z.output<typeof ModulePort>;

/** A Linux user or group name a module runs as: what useradd accepts, kept short and lowercase. */
export const UnixName = codedString(
  "NOROS2261",
  (value) => /^[a-z_][a-z0-9_-]{0,30}$/.test(value),
  (value) => `"${value}" is not a Linux user name: use up to 31 lowercase letters, digits, "_" or "-", starting with a letter or "_"`,
);

/** A systemd unit name without its suffix. */
export const UnitName = codedString(
  "NOROS2262",
  (value) => /^[a-zA-Z0-9:_.\\-]{1,200}$/.test(value) && !value.endsWith(".service"),
  (value) => `"${value}" is not a systemd unit name: use letters, digits, ":", "_", ".", "-" and leave out ".service"`,
);

/** A package attribute of the pinned nixpkgs (`jq`, `python3Packages.requests`): never an expression. */
export const PackageName = codedString(
  "NOROS2263",
  (value) => /^[A-Za-z_][A-Za-z0-9_'-]*(\.[A-Za-z_][A-Za-z0-9_'-]*)*$/.test(value),
  (value) => `"${value}" is not a nixpkgs attribute name such as "jq" or "python3Packages.requests"`,
);

/** Cloud auto-join by EC2 tag: the hosts tagged `tagKey = tagValue` find each other (go-discover's aws provider). */
export const TagJoin = z.strictObject({
  /** The tag noros puts on every host of the cluster. */
  tagKey: z.string().regex(/^[A-Za-z0-9:_./=+@-]{1,128}$/, "tag keys are up to 128 letters, digits or :_./=+@-"),
  /** The tag's value: the cluster's name. */
  tagValue: z.string().regex(/^[A-Za-z0-9:_./=+@-]{1,256}$/, "tag values are up to 256 letters, digits or :_./=+@-"),
});

export type TagJoinProps = z.output<typeof TagJoin>;

/** A Consul datacenter or Nomad region name. */
export const DatacenterName = codedString(
  "NOROS2264",
  (value) => /^[a-z0-9][a-z0-9_-]{0,62}$/.test(value),
  (value) => `"${value}" is not a datacenter name: use lowercase letters, digits, "_" and "-"`,
);
