import type { TerraformView } from "./view.js";

/** The published control a rule follows: an AWS Security Hub control, a CIS benchmark item or AWS guidance. */
export interface Control {
  /** e.g. "Security Hub S3.8". */
  readonly name: string;
  readonly url: string;
}

/** One violation of a rule by one block of the Terraform document. */
export interface Finding {
  /** The block's address, as in the document's origins: "aws_s3_bucket.site", "data.aws_iam_policy_document.x". */
  readonly address: string;
  readonly message: string;
  /** Where inside the block (argument and nested block names, list indexes as strings), for escape hatches' positions. */
  readonly path?: readonly string[];
}

/**
 * A security-policy rule. Rules read the lowered Terraform document (never the DSL), so they cover every
 * construct, those added later and escape hatches alike, without any construct knowing about them.
 */
export interface Rule {
  /** NOROS-<SERVICE>-<NNN>, stable: waivers name it. */
  readonly id: string;
  /** What a compliant configuration does, in a few words. */
  readonly title: string;
  /** Why, in one line. */
  readonly rationale: string;
  readonly control: Control;
  /** The Terraform types the rule inspects (for the documentation). */
  readonly resourceTypes: readonly string[];
  check(view: TerraformView): Finding[];
}

const hub = (service: string, anchor: string) => `https://docs.aws.amazon.com/securityhub/latest/userguide/${service}-controls.html#${anchor}`;

/** A Security Hub control: `securityHub("S3.8")` links to its section of the controls reference. */
export function securityHub(control: string): Control {
  const [service = "", number = ""] = control.split(".");
  const page = service.toLowerCase();
  return { name: `Security Hub ${control}`, url: hub(page, `${page}-${number}`) };
}

/** A CIS AWS Foundations Benchmark item, as Security Hub documents it. */
export function cis(item: string): Control {
  return { name: `CIS AWS Foundations ${item}`, url: "https://docs.aws.amazon.com/securityhub/latest/userguide/cis-aws-foundations-benchmark.html" };
}

/** AWS guidance where no Security Hub control exists. */
export function guidance(name: string, url: string): Control {
  return { name, url };
}
