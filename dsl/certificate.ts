import { construct, type Construct, type Ref } from "./core.js";
import type { CertificateInput } from "./schemas/certificate.js";

export const certificateAttributes = { arn: "arn" } as const;

export type Certificate = Construct<"certificate", CertificateInput> & { readonly arn: Ref<"arn"> };

/** An ACM certificate, validated through DNS records in a zone of the system before anything uses it. */
export function certificate(name: string, props: CertificateInput): Certificate {
  return construct("certificate", name, props, certificateAttributes);
}
