import { z } from "zod";
import type { DnsZone } from "../dns-zone.js";
import { use } from "./common.js";
import { CertificateDomain } from "./domain.js";

export const CertificateSchema = z.strictObject({
  /** The domain the certificate is for ("api.example.com", or "*.example.com"); it must be in `zone`. */
  domain: CertificateDomain,
  /** Further names the certificate covers, each in `zone` too. */
  alternativeNames: z.array(CertificateDomain).max(9).default([]),
  /** The zone ACM's DNS validation records are written to; the certificate is usable once they answer. */
  zone: use<DnsZone>("dns-zone"),
});

export type CertificateInput = z.input<typeof CertificateSchema>;
export type CertificateProps = z.output<typeof CertificateSchema>;
