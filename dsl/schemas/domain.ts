import { codedString } from "./common.js";

const label = "(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)";
const domainPattern = new RegExp(`^${label}(?:\\.${label})+$`);

/** A fully qualified domain name in lower case, without the trailing dot: "api.example.com". */
export const isDomainName = (value: string): boolean => value.length <= 253 && domainPattern.test(value);

export const DomainName = codedString(
  "NOROS2087",
  isDomainName,
  (value) => `"${value}" is not a domain name such as api.example.com: use lowercase labels of letters, digits and inner hyphens, joined by dots, without a trailing dot`,
);

/** A domain a certificate may cover: a domain name, or a wildcard one level below one ("*.example.com"). */
export const CertificateDomain = codedString(
  "NOROS2087",
  (value) => isDomainName(value.startsWith("*.") ? value.slice(2) : value),
  (value) => `"${value}" is not a domain name such as api.example.com or *.example.com`,
);

/** Whether `name` is `zone` itself or a name below it (a wildcard counts as below). */
export function insideZone(name: string, zone: string): boolean {
  return name === zone || name.endsWith(`.${zone}`);
}
