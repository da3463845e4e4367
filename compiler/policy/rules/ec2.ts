import { guidance, securityHub, type Finding, type Rule } from "../rule.js";
import { bool, first, nested, num, plainSecret, type TerraformView } from "../view.js";

const instances = (view: TerraformView) => view.resources("aws_instance");
const templates = (view: TerraformView) => view.resources("aws_launch_template");
/**
 * The instances that decide a setting themselves: one that launches from a template of this document
 * and does not write the setting takes the template's, which the template's own rule checks (so the
 * finding is reported once, at the template).
 */
const deciding = (view: TerraformView, ...keys: string[]) => instances(view).filter((i) => keys.some((k) => i.body[k] !== undefined) || view.launchTemplateOf(i) === undefined);

/** `NAME=value`, `NAME='value'` or `export NAME=value` lines of a user data script. */
const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/gm;
function secretsInUserData(script: unknown): string[] {
  if (typeof script !== "string") return [];
  return [...script.matchAll(ASSIGNMENT)].filter(([, name, value]) => plainSecret(name as string, (value as string).trim())).map(([, name]) => name as string);
}

export const ec2Rules: readonly Rule[] = [
  {
    id: "NOROS-EC2-001",
    title: "EC2 instances require IMDSv2",
    rationale: "Session tokens stop SSRF bugs in software on the host from reading the instance role's credentials.",
    control: securityHub("EC2.8"),
    resourceTypes: ["aws_instance"],
    check(view) {
      return deciding(view, "metadata_options").flatMap((i): Finding[] =>
        first(i.body, "metadata_options")?.http_tokens === "required" ? [] : [{ address: i.address, message: `${i.address} does not set metadata_options.http_tokens = "required"`, path: ["metadata_options"] }],
      );
    },
  },
  {
    id: "NOROS-EC2-002",
    title: "EC2 metadata responses do not leave the host (hop limit 1)",
    rationale: "A hop limit of 1 keeps containers and forwarded traffic on the host from reaching the instance's credentials.",
    control: guidance("AWS EC2 User Guide: IMDS hop limit", "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html"),
    resourceTypes: ["aws_instance", "aws_launch_template"],
    check(view) {
      return [...deciding(view, "metadata_options"), ...templates(view)].flatMap((i): Finding[] => {
        const limit = num(first(i.body, "metadata_options")?.http_put_response_hop_limit);
        return limit === 1 ? [] : [{ address: i.address, message: `${i.address} ${limit === undefined ? "does not set" : `sets ${limit} as`} metadata_options.http_put_response_hop_limit${limit === undefined ? " to 1" : ", not 1"}`, path: ["metadata_options"] }];
      });
    },
  },
  {
    id: "NOROS-EC2-003",
    title: "EC2 instances have no public IP address",
    rationale: "An instance without a public address is reachable only through what the system puts in front of it.",
    control: securityHub("EC2.9"),
    resourceTypes: ["aws_instance"],
    check(view) {
      // An instance launched from a template with a public interface is NOROS-EC2-007's finding, at the template.
      return instances(view).flatMap((i): Finding[] =>
        bool(i.body.associate_public_ip_address) === true ? [{ address: i.address, message: `${i.address} has a public IP address (associate_public_ip_address = true)`, path: ["associate_public_ip_address"] }] : [],
      );
    },
  },
  {
    id: "NOROS-EC2-004",
    title: "EC2 instance volumes are encrypted",
    rationale: "Encrypted root and data volumes (and their snapshots) cannot be read outside the account's keys.",
    control: securityHub("EC2.3"),
    resourceTypes: ["aws_instance"],
    check(view) {
      // Volumes of an instance launched from a template are the template's (NOROS-EBS-003).
      return deciding(view, "root_block_device", "ebs_block_device").flatMap((i): Finding[] => {
        const volumes = [...nested(i.body, "root_block_device"), ...nested(i.body, "ebs_block_device")];
        if (nested(i.body, "root_block_device").length === 0) volumes.unshift({ body: {}, path: ["root_block_device"] });
        return volumes.filter((v) => bool(v.body.encrypted) !== true).map((v) => ({ address: i.address, message: `${i.address} ${v.path[0]} is not encrypted`, path: v.path }));
      });
    },
  },
  {
    id: "NOROS-EC2-005",
    title: "EC2 instances have no SSH key pair",
    rationale: "Access is through Session Manager, audited and keyless; a key pair is a long-lived credential to lose.",
    control: securityHub("SSM.1"),
    resourceTypes: ["aws_instance", "aws_launch_template"],
    check(view) {
      return [...instances(view), ...templates(view)].flatMap((i): Finding[] =>
        i.body.key_name !== undefined && i.body.key_name !== null && i.body.key_name !== "" ? [{ address: i.address, message: `${i.address} has an SSH key pair (key_name)`, path: ["key_name"] }] : [],
      );
    },
  },
  {
    id: "NOROS-EC2-006",
    title: "EC2 launch templates require IMDSv2",
    rationale: "Every instance an Auto Scaling group or node group launches from the template must require session tokens.",
    control: securityHub("EC2.170"),
    resourceTypes: ["aws_launch_template"],
    check(view) {
      return templates(view).flatMap((t): Finding[] =>
        first(t.body, "metadata_options")?.http_tokens === "required" ? [] : [{ address: t.address, message: `${t.address} does not set metadata_options.http_tokens = "required"`, path: ["metadata_options"] }],
      );
    },
  },
  {
    id: "NOROS-EC2-007",
    title: "EC2 launch templates assign no public IP",
    rationale: "Instances launched from a template stay private unless a load balancer is put in front of them.",
    control: securityHub("EC2.25"),
    resourceTypes: ["aws_launch_template"],
    check(view) {
      return templates(view).flatMap((t): Finding[] =>
        nested(t.body, "network_interfaces").filter((n) => bool(n.body.associate_public_ip_address) === true).map((n) => ({ address: t.address, message: `${t.address} network interface assigns a public IP address`, path: n.path })),
      );
    },
  },
  {
    id: "NOROS-EC2-008",
    title: "Subnets do not assign public IPs automatically",
    rationale: "A public address is then a decision made per instance, never a side effect of the subnet.",
    control: securityHub("EC2.15"),
    resourceTypes: ["aws_subnet"],
    check(view) {
      return view.resources("aws_subnet").flatMap((s): Finding[] =>
        bool(s.body.map_public_ip_on_launch) === true ? [{ address: s.address, message: `${s.address} sets map_public_ip_on_launch = true`, path: ["map_public_ip_on_launch"] }] : [],
      );
    },
  },
  {
    id: "NOROS-EC2-009",
    title: "Default security groups allow no traffic",
    rationale: "Anything launched without an explicit group then gets no access instead of the VPC's default access.",
    control: securityHub("EC2.2"),
    resourceTypes: ["aws_default_security_group"],
    check(view) {
      return view.resources("aws_default_security_group").flatMap((g): Finding[] =>
        ["ingress", "egress"].flatMap((direction) => nested(g.body, direction).map((rule) => ({ address: g.address, message: `${g.address} has an ${direction} rule`, path: rule.path }))),
      );
    },
  },
  {
    id: "NOROS-EC2-010",
    title: "Instance user data holds no plain-text secret",
    rationale: "User data is readable by anyone allowed ec2:DescribeInstanceAttribute and from the instance's metadata; pass a secret's reference instead.",
    control: guidance("AWS EC2 User Guide: user data is not protected", "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html"),
    resourceTypes: ["aws_instance", "aws_launch_template"],
    check(view) {
      return [...instances(view), ...templates(view)].flatMap((i): Finding[] =>
        secretsInUserData(view.followLocal(i.body.user_data)).map((name) => ({ address: i.address, message: `${i.address} user data sets the secret ${name} in plain text`, path: ["user_data"] })),
      );
    },
  },
];

export const ebsRules: readonly Rule[] = [
  {
    id: "NOROS-EBS-001",
    title: "EBS volumes are encrypted",
    rationale: "A volume, and every snapshot taken of it, is unreadable without the account's keys.",
    control: securityHub("EC2.3"),
    resourceTypes: ["aws_ebs_volume"],
    check(view) {
      return view.resources("aws_ebs_volume").flatMap((v): Finding[] =>
        bool(v.body.encrypted) === true ? [] : [{ address: v.address, message: `${v.address} is not encrypted (encrypted = true)`, path: ["encrypted"] }],
      );
    },
  },
  {
    id: "NOROS-EBS-002",
    title: "EBS encryption by default is not turned off",
    rationale: "The account-wide default is the safety net for every volume created outside this system.",
    control: securityHub("EC2.7"),
    resourceTypes: ["aws_ebs_encryption_by_default"],
    check(view) {
      return view.resources("aws_ebs_encryption_by_default").flatMap((d): Finding[] =>
        bool(d.body.enabled) === false ? [{ address: d.address, message: `${d.address} turns EBS encryption by default off`, path: ["enabled"] }] : [],
      );
    },
  },
  {
    id: "NOROS-EBS-003",
    title: "Launch template volumes are encrypted",
    rationale: "Volumes of instances launched from a template must be encrypted like any other.",
    control: securityHub("EC2.3"),
    resourceTypes: ["aws_launch_template"],
    check(view) {
      return templates(view).flatMap((t): Finding[] =>
        nested(t.body, "block_device_mappings").flatMap((m) =>
          nested(m.body, "ebs").filter((e) => bool(e.body.encrypted) !== true).map((e) => ({ address: t.address, message: `${t.address} block device ${String(m.body.device_name ?? m.path.join("."))} is not encrypted`, path: [...m.path, ...e.path] })),
        ),
      );
    },
  },
];
