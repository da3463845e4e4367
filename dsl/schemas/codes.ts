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
  NOROS2040: "A host group's sizes are inconsistent: min must not exceed max, max must be at least 1, desired must lie between them.",
  NOROS2041: "A tag key is reserved: noros sets Name and the noros: tags, AWS the aws: tags.",
  NOROS2042: "A volume's size is outside what EBS allows for its type (gp3: 1-16384 GiB, io2: 4-16384 GiB).",
  NOROS2043: "A volume's IOPS or throughput is outside what EBS allows for its type, or given for a type that takes none.",
  NOROS2044: "A time of day is not HH:MM (24-hour, UTC).",
  NOROS2045: "An alarm tells no topic: nobody would hear it.",
  NOROS2046: "A CloudWatch metric namespace is invalid.",
  NOROS2047: "An alarm's period or datapoints are not what CloudWatch accepts (10, 30 or a multiple of 60 seconds; datapointsToAlarm at most evaluationPeriods).",
  NOROS2048: "An SSM parameter path is invalid (/segments of letters, digits, _ . -; not under /aws or /ssm).",
  NOROS2250: "A nixpkgs pin is not a full commit (40 hexadecimal digits) with an optional SRI narHash (sha256-...).",
  NOROS2350: "An S3 state key is not a relative object key (no leading or trailing \"/\", no empty segments).",
  NOROS2351: "State locking was turned off (useLockfile: false): noros always locks the state.",
  NOROS2352: "A construct itself was used as a value inside raw.terraform: use one of its references (bucket.arn).",
  NOROS2353: "A Terraform type or block name inside raw.terraform is not valid.",
  NOROS2354: "A raw.terraform escape hatch declares no block.",
} as const;

export type ValidationCode = keyof typeof validationCodes;
