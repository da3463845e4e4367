import { guidance, securityHub, type Finding, type Rule } from "../rule.js";
import { bool, first, num, publicAllow } from "../view.js";

export const logRules: readonly Rule[] = [
  {
    id: "NOROS-LOG-001",
    title: "CloudWatch log groups have a retention period",
    rationale: "Logs kept forever grow cost and exposure; logs kept by policy are there when an incident needs them.",
    control: securityHub("CloudWatch.16"),
    resourceTypes: ["aws_cloudwatch_log_group"],
    check(view) {
      return view.resources("aws_cloudwatch_log_group").flatMap((g): Finding[] => {
        const days = num(g.body.retention_in_days);
        return days !== undefined && days > 0 ? [] : [{ address: g.address, message: `${g.address} keeps logs forever (no retention_in_days)`, path: ["retention_in_days"] }];
      });
    },
  },
  {
    id: "NOROS-LOG-002",
    title: "CloudWatch log groups are encrypted with a KMS key",
    rationale: "A customer-managed key puts who may read the logs (requests, errors, secrets printed by mistake) under a key policy you control, audit in CloudTrail and can revoke.",
    control: guidance("Amazon CloudWatch Logs User Guide: encrypt log data with AWS KMS", "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html"),
    resourceTypes: ["aws_cloudwatch_log_group"],
    check(view) {
      return view.resources("aws_cloudwatch_log_group").flatMap((g): Finding[] =>
        typeof g.body.kms_key_id === "string" && g.body.kms_key_id !== "" ? [] : [{ address: g.address, message: `${g.address} is not encrypted with a KMS key (no kms_key_id)`, path: ["kms_key_id"] }],
      );
    },
  },
];

export const snsRules: readonly Rule[] = [
  {
    id: "NOROS-SNS-001",
    title: "SNS topics are encrypted at rest",
    rationale: "Messages (alarm texts, events) are stored encrypted under a KMS key until delivered.",
    control: securityHub("SNS.1"),
    resourceTypes: ["aws_sns_topic"],
    check(view) {
      return view.resources("aws_sns_topic").flatMap((t): Finding[] =>
        typeof t.body.kms_master_key_id === "string" && t.body.kms_master_key_id !== "" ? [] : [{ address: t.address, message: `${t.address} is not encrypted (no kms_master_key_id)`, path: ["kms_master_key_id"] }],
      );
    },
  },
  {
    id: "NOROS-SNS-002",
    title: "SNS topic policies do not allow everyone",
    rationale: "A topic anyone can publish to (or subscribe to) becomes a spam relay or a data leak.",
    control: securityHub("SNS.4"),
    resourceTypes: ["aws_sns_topic_policy", "aws_sns_topic"],
    check(view) {
      return [...view.resources("aws_sns_topic_policy"), ...view.resources("aws_sns_topic")].flatMap((t): Finding[] =>
        view.policyStatements(t.body.policy, ["policy"]).filter(publicAllow).map((s) => ({ address: t.address, message: `${t.address} allows ${s.actions.join(", ") || "actions"} to everyone`, path: s.path })),
      );
    },
  },
];

export const ecrRules: readonly Rule[] = [
  {
    id: "NOROS-ECR-001",
    title: "ECR repositories scan images on push",
    rationale: "Every pushed image is checked for known vulnerabilities before it runs.",
    control: securityHub("ECR.1"),
    resourceTypes: ["aws_ecr_repository"],
    check(view) {
      return view.resources("aws_ecr_repository").flatMap((r): Finding[] =>
        bool(first(r.body, "image_scanning_configuration")?.scan_on_push) === true ? [] : [{ address: r.address, message: `${r.address} does not scan images on push`, path: ["image_scanning_configuration"] }],
      );
    },
  },
  {
    id: "NOROS-ECR-002",
    title: "ECR image tags are immutable",
    rationale: "A tag then always names the image that was reviewed and scanned, never one pushed over it.",
    control: securityHub("ECR.2"),
    resourceTypes: ["aws_ecr_repository"],
    check(view) {
      return view.resources("aws_ecr_repository").flatMap((r): Finding[] =>
        String(r.body.image_tag_mutability ?? "MUTABLE").startsWith("IMMUTABLE") ? [] : [{ address: r.address, message: `${r.address} has mutable image tags`, path: ["image_tag_mutability"] }],
      );
    },
  },
  {
    id: "NOROS-ECR-003",
    title: "ECR repositories have a lifecycle policy",
    rationale: "Old, unpatched images expire instead of staying available to run.",
    control: securityHub("ECR.3"),
    resourceTypes: ["aws_ecr_repository", "aws_ecr_lifecycle_policy"],
    check(view) {
      return view.resources("aws_ecr_repository").flatMap((r): Finding[] =>
        view.attachedTo("aws_ecr_lifecycle_policy", "repository", r, "name").length > 0 ? [] : [{ address: r.address, message: `${r.address} has no aws_ecr_lifecycle_policy` }],
      );
    },
  },
];
