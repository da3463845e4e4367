import { z } from "zod";
import { Cidr, Port } from "../common.js";
import { UnitName, UnixName } from "./common.js";

const Jail = z.strictObject({
  name: UnixName,
  /** The systemd unit whose journal is watched. */
  unit: UnitName,
  /** Python regular expressions of failed attempts; each must capture the client address as <HOST>. */
  failRegex: z.array(z.string().regex(/<HOST>/, "a fail2ban regex must contain <HOST>")).min(1),
  /** The port banned addresses are cut off from. */
  port: Port,
  protocol: z.enum(["tcp", "udp"]).default("tcp"),
  /** Failures within findTime that lead to a ban. */
  maxRetry: z.number().int().min(1).max(100).default(5),
  findTime: z.string().regex(/^\d+[smhd]$/).default("10m"),
});

/** fail2ban: bans addresses that keep failing, with ever longer bans for repeat offenders; the VPC is never banned. */
export const Fail2banSchema = z.strictObject({
  banTime: z.string().regex(/^\d+[smhd]$/, "a duration such as 10m or 1h").default("1h"),
  maxRetry: z.number().int().min(1).max(100).default(5),
  /** Addresses never banned, besides the host's own network. */
  ignore: z.array(Cidr).default([]),
  jails: z.array(Jail).default([]),
});

export type Fail2banInput = z.input<typeof Fail2banSchema>;
export type Fail2banProps = z.output<typeof Fail2banSchema>;
