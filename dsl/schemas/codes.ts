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
  NOROS2080: "An https listener is declared but the load balancer has no certificate.",
  NOROS2081: "A listener's protocol does not suit the load balancer's type (application: http, https; network: tcp, udp).",
  NOROS2082: "A UDP target group's health check has no TCP port: health checks run over TCP or HTTP, which a UDP port does not answer.",
  NOROS2083: "With a certificate, an http listener forwards instead of redirecting to https.",
  NOROS2084: "An http listener has nothing to do: no forward, and no https listener to redirect to.",
  NOROS2085: "Two listeners of one load balancer use the same port (and protocol family).",
  NOROS2086: "A health check's protocol or path does not fit (an application load balancer checks over http; a tcp check has no path).",
  NOROS2087: "A domain name is invalid: lowercase labels of letters, digits and inner hyphens, joined by dots, no trailing dot.",
  NOROS2088: "A DNS record is both an alias and a plain record, or a CNAME has several values.",
  NOROS2089: "Access logs on a network load balancer: only application load balancers write them here.",
  NOROS2250: "A nixpkgs pin is not a full commit (40 hexadecimal digits) with an optional SRI narHash (sha256-...).",
  NOROS2350: "An S3 state key is not a relative object key (no leading or trailing \"/\", no empty segments).",
  NOROS2351: "State locking was turned off (useLockfile: false): noros always locks the state.",
  NOROS2352: "A construct itself was used as a value inside raw.terraform: use one of its references (bucket.arn).",
  NOROS2353: "A Terraform type or block name inside raw.terraform is not valid.",
  NOROS2354: "A raw.terraform escape hatch declares no block.",
} as const;

export type ValidationCode = keyof typeof validationCodes;
