import { guidance, securityHub, type Finding, type Rule } from "../rule.js";
import { bool, first, isExpression, nested } from "../view.js";

const LISTENERS = ["aws_lb_listener", "aws_alb_listener"];
/** The ELB policies AWS recommends: TLS 1.3, or TLS 1.2 and up with forward secrecy. */
const RECOMMENDED_TLS = /^ELBSecurityPolicy-(TLS13-|TLS-1-2-|FS-1-2-)/;

export const albRules: readonly Rule[] = [
  {
    id: "NOROS-ALB-001",
    title: "Application load balancers drop invalid HTTP headers",
    rationale: "Malformed headers are how request smuggling reaches the targets behind the balancer.",
    control: securityHub("ELB.4"),
    resourceTypes: ["aws_lb", "aws_alb"],
    check(view) {
      return view.resources("aws_lb", "aws_alb").filter((lb) => (lb.body.load_balancer_type ?? "application") === "application").flatMap((lb): Finding[] =>
        bool(lb.body.drop_invalid_header_fields) === true ? [] : [{ address: lb.address, message: `${lb.address} does not set drop_invalid_header_fields = true`, path: ["drop_invalid_header_fields"] }],
      );
    },
  },
  {
    id: "NOROS-ALB-002",
    title: "HTTP listeners only redirect to HTTPS",
    rationale: "Requests, cookies and tokens then never travel in clear text past the first redirect.",
    control: securityHub("ELB.1"),
    resourceTypes: LISTENERS,
    check(view) {
      return view.resources(...LISTENERS).filter((l) => l.body.protocol === "HTTP").flatMap((l): Finding[] =>
        nested(l.body, "default_action").filter((a) => !(a.body.type === "redirect" && first(a.body, "redirect")?.protocol === "HTTPS"))
          .map((a) => ({ address: l.address, message: `${l.address} serves plain HTTP (its default action is "${String(a.body.type)}", not a redirect to HTTPS)`, path: a.path })),
      );
    },
  },
  {
    id: "NOROS-ALB-003",
    title: "TLS listeners use a recommended security policy",
    rationale: "Older ELB policies still accept TLS 1.0/1.1 and weak ciphers (the default is one of them).",
    control: securityHub("ELB.17"),
    resourceTypes: LISTENERS,
    check(view) {
      return view.resources(...LISTENERS).filter((l) => l.body.protocol === "HTTPS" || l.body.protocol === "TLS").flatMap((l): Finding[] => {
        const policy = l.body.ssl_policy;
        return typeof policy === "string" && RECOMMENDED_TLS.test(policy) ? [] : [{ address: l.address, message: `${l.address} uses ${typeof policy === "string" ? `the TLS policy ${policy}` : "the default TLS policy"}, not a TLS 1.2+ recommended one`, path: ["ssl_policy"] }];
      });
    },
  },
];

export const kmsRules: readonly Rule[] = [
  {
    id: "NOROS-KMS-001",
    title: "KMS keys rotate automatically",
    rationale: "Yearly rotation bounds how much data one key version protects.",
    control: securityHub("KMS.4"),
    resourceTypes: ["aws_kms_key"],
    check(view) {
      return view.resources("aws_kms_key").filter((k) => (k.body.customer_master_key_spec ?? "SYMMETRIC_DEFAULT") === "SYMMETRIC_DEFAULT").flatMap((k): Finding[] =>
        bool(k.body.enable_key_rotation) === true ? [] : [{ address: k.address, message: `${k.address} does not set enable_key_rotation = true`, path: ["enable_key_rotation"] }],
      );
    },
  },
];

export const secretRules: readonly Rule[] = [
  {
    id: "NOROS-SECRET-001",
    title: "No secret value is written in the configuration",
    rationale: "A literal secret lands in main.tf.json, the repository and the state; generate it (random_password) or set it outside Terraform.",
    control: guidance("AWS Secrets Manager best practices", "https://docs.aws.amazon.com/secretsmanager/latest/userguide/best-practices.html"),
    resourceTypes: ["aws_secretsmanager_secret_version", "aws_ssm_parameter"],
    check(view) {
      const versions = view.resources("aws_secretsmanager_secret_version").flatMap((v): Finding[] =>
        ["secret_string", "secret_binary"].filter((key) => typeof v.body[key] === "string" && v.body[key] !== "" && !isExpression(v.body[key]))
          .map((key) => ({ address: v.address, message: `${v.address} writes the secret value itself (${key}) into the configuration`, path: [key] })),
      );
      const parameters = view.resources("aws_ssm_parameter").filter((p) => p.body.type === "SecureString" && typeof p.body.value === "string" && p.body.value !== "" && !isExpression(p.body.value))
        .map((p): Finding => ({ address: p.address, message: `${p.address} writes a SecureString's value into the configuration`, path: ["value"] }));
      return [...versions, ...parameters];
    },
  },
];
