import { z } from "zod";

/**
 * dnsmasq as the host's resolver: `.consul` names go to the local Consul agent's DNS port
 * (127.0.0.1#8600), everything else to the VPC's resolver.
 */
export const DnsmasqSchema = z.strictObject({
  /** The DNS domain Consul answers for. */
  consulDomain: z.string().regex(/^[a-z0-9]+(\.[a-z0-9]+)*$/).default("consul"),
  /** Consul's DNS port on this host. */
  consulPort: z.number().int().min(1).max(65535).default(8600),
  /** The upstream for every other name: the Amazon-provided DNS server. */
  upstream: z.string().regex(/^\d{1,3}(\.\d{1,3}){3}$/).default("169.254.169.253"),
});

export type DnsmasqInput = z.input<typeof DnsmasqSchema>;
export type DnsmasqProps = z.output<typeof DnsmasqSchema>;
