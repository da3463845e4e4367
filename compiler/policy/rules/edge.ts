import { guidance, securityHub, type Finding, type Rule } from "../rule.js";
import { bool, first, isExpression, nested, publicAllow } from "../view.js";

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

export const kmsPolicyRules: readonly Rule[] = [
  {
    id: "NOROS-KMS-002",
    title: "KMS key policies do not allow everyone",
    rationale: "An Allow to Principal \"*\" without a condition lets any AWS account use or manage the key.",
    control: securityHub("KMS.5"),
    resourceTypes: ["aws_kms_key", "aws_kms_key_policy"],
    check(view) {
      return view.resources("aws_kms_key", "aws_kms_key_policy").flatMap((k): Finding[] =>
        view.policyStatements(k.body.policy, ["policy"]).filter(publicAllow).map((s) => ({ address: k.address, message: `${k.address} allows ${s.actions.join(", ") || "actions"} to everyone`, path: s.path })),
      );
    },
  },
];

/** RSA keys shorter than 2048 bits. */
const WEAK_KEYS = new Set(["RSA_1024"]);

export const acmRules: readonly Rule[] = [
  {
    id: "NOROS-ACM-001",
    title: "ACM certificates use RSA keys of 2048 bits or more, or ECDSA",
    rationale: "A 1024-bit RSA key can be factored by a well-funded attacker; browsers no longer trust it.",
    control: securityHub("ACM.2"),
    resourceTypes: ["aws_acm_certificate"],
    check(view) {
      return view.resources("aws_acm_certificate").flatMap((c): Finding[] =>
        typeof c.body.key_algorithm === "string" && WEAK_KEYS.has(c.body.key_algorithm) ? [{ address: c.address, message: `${c.address} uses the weak key algorithm ${c.body.key_algorithm}`, path: ["key_algorithm"] }] : [],
      );
    },
  },
  {
    id: "NOROS-ACM-002",
    title: "No certificate private key is written in the configuration",
    rationale: "An imported certificate's private_key lands in main.tf.json and the state; let ACM issue the certificate (DNS validation) instead.",
    control: guidance("AWS Certificate Manager User Guide: importing certificates", "https://docs.aws.amazon.com/acm/latest/userguide/import-certificate.html"),
    resourceTypes: ["aws_acm_certificate"],
    check(view) {
      return view.resources("aws_acm_certificate").flatMap((c): Finding[] =>
        c.body.private_key !== undefined ? [{ address: c.address, message: `${c.address} imports a certificate with its private key in the configuration`, path: ["private_key"] }] : [],
      );
    },
  },
];

export const apiGatewayRules: readonly Rule[] = [
  {
    id: "NOROS-APIGW-001",
    title: "API Gateway stages write access logs",
    rationale: "Who called which route, from where and with what result is the record an abused public endpoint leaves.",
    control: securityHub("APIGateway.9"),
    resourceTypes: ["aws_apigatewayv2_stage", "aws_api_gateway_stage"],
    check(view) {
      return view.resources("aws_apigatewayv2_stage", "aws_api_gateway_stage").flatMap((st): Finding[] =>
        typeof first(st.body, "access_log_settings")?.destination_arn === "string" ? [] : [{ address: st.address, message: `${st.address} writes no access log (access_log_settings)`, path: ["access_log_settings"] }],
      );
    },
  },
  {
    id: "NOROS-APIGW-002",
    title: "API Gateway routes require authorization",
    rationale: "A route with authorization_type NONE is an entry point anyone on the internet can call.",
    control: securityHub("APIGateway.8"),
    resourceTypes: ["aws_apigatewayv2_route"],
    check(view) {
      return view.resources("aws_apigatewayv2_route").flatMap((r): Finding[] => {
        const type = r.body.authorization_type;
        return typeof type === "string" && type !== "NONE" ? [] : [{ address: r.address, message: `${r.address} (${String(r.body.route_key)}) has authorization_type ${typeof type === "string" ? type : "NONE (the default)"}`, path: ["authorization_type"] }];
      });
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
