/**
 * Diagnostic codes raised by the schemas themselves. They live beside the schemas (not in the compiler)
 * so a schema can name its own code; the compiler's catalogue imports them for `noros explain`.
 */
export const validationCodes = {
  NOROS2000: "A property has a value the construct does not accept.",
  NOROS2001: "A property has the wrong type (a string where a number is expected, and so on).",
  NOROS2002: "A construct name is invalid: names are 1-32 lowercase letters, digits and single hyphens, starting with a letter.",
  NOROS2003: "A bucket name is invalid: S3 accepts 3-63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit.",
  NOROS2004: "A CIDR block is invalid: write an IPv4 network such as 10.0.0.0/16 whose host bits are zero.",
  NOROS2005: "A subnet's CIDR block is not inside its network's CIDR block.",
  NOROS2006: "A port is out of range: ports are whole numbers from 1 to 65535.",
  NOROS2007: "Two subnets of one network overlap.",
  NOROS2008: "A property the construct does not know was given (often a typo).",
  NOROS2009: "A required property is missing.",
  NOROS2010: "A reference points at the wrong kind of construct.",
  NOROS2011: "An AWS region name is invalid.",
  NOROS2012: "An EC2 instance type is invalid.",
  NOROS2013: "A CloudWatch log retention is not one of the periods CloudWatch accepts.",
  NOROS2014: "An e-mail address is invalid.",
  NOROS2030: "A service's source is not a relative directory path such as \"./app\".",
  NOROS2031: "A container image is not pinned by digest (name:tag@sha256:<digest>).",
  NOROS2032: "A service's cpu or memory is not a size Fargate offers.",
  NOROS2250: "A nixpkgs pin is not a full commit (40 hexadecimal digits) with an optional SRI narHash (sha256-...).",
  NOROS2260: "A NixOS module's port range ends before it starts.",
  NOROS2261: "A Linux user, group or module item name is invalid: up to 31 lowercase letters, digits, \"_\" or \"-\", starting with a letter or \"_\".",
  NOROS2262: "A systemd unit name is invalid (or ends in .service, which noros adds).",
  NOROS2263: "A nixpkgs package is not an attribute name such as \"jq\" or \"python3Packages.requests\".",
  NOROS2264: "A Consul datacenter, Nomad datacenter, service or job name is invalid.",
  NOROS2265: "A cache duration is not in nginx's syntax (30d, 12h, 1y).",
  NOROS2266: "A container image has no tag or uses \"latest\".",
  NOROS2267: "A Prometheus scrape job names no targets.",
  NOROS2350: "An S3 state key is not a relative object key (no leading or trailing \"/\", no empty segments).",
  NOROS2351: "State locking was turned off (useLockfile: false): noros always locks the state.",
  NOROS2352: "A construct itself was used as a value inside raw.terraform: use one of its references (bucket.arn).",
  NOROS2353: "A Terraform type or block name inside raw.terraform is not valid.",
  NOROS2354: "A raw.terraform escape hatch declares no block.",
} as const;

export type ValidationCode = keyof typeof validationCodes;
