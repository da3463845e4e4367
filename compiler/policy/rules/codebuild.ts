import { securityHub, type Finding, type Rule } from "../rule.js";
import { bool, first, nested, plainSecret } from "../view.js";

/** A logs_config section's status: CodeBuild's default is ENABLED for CloudWatch Logs and DISABLED for S3. */
const status = (section: Readonly<Record<string, unknown>> | undefined, fallback: "ENABLED" | "DISABLED") => String(section?.status ?? fallback);

export const codebuildRules: readonly Rule[] = [
  {
    id: "NOROS-CODEBUILD-001",
    title: "CodeBuild projects log to a log group they name, or to S3",
    rationale: "Without logs a build (of untrusted input, often) leaves no trace; without a named group CodeBuild creates one that keeps its logs forever.",
    control: securityHub("CodeBuild.4"),
    resourceTypes: ["aws_codebuild_project"],
    check(view) {
      return view.resources("aws_codebuild_project").flatMap((p): Finding[] => {
        const logs = first(p.body, "logs_config");
        const cloudwatch = first(logs, "cloudwatch_logs");
        const toCloudWatch = status(cloudwatch, "ENABLED") === "ENABLED";
        const toS3 = status(first(logs, "s3_logs"), "DISABLED") === "ENABLED";
        if (!toCloudWatch && !toS3) return [{ address: p.address, message: `${p.address} keeps no build logs (CloudWatch Logs and S3 logs disabled)`, path: ["logs_config"] }];
        if (toCloudWatch && (typeof cloudwatch?.group_name !== "string" || cloudwatch.group_name === "")) {
          return [{ address: p.address, message: `${p.address} logs to a log group CodeBuild creates itself, without retention (set logs_config.cloudwatch_logs.group_name)`, path: ["logs_config"] }];
        }
        return [];
      });
    },
  },
  {
    id: "NOROS-CODEBUILD-002",
    title: "CodeBuild S3 logs and artifacts are encrypted",
    rationale: "Build logs and outputs carry source, configuration and sometimes credentials printed by mistake.",
    control: securityHub("CodeBuild.3"),
    resourceTypes: ["aws_codebuild_project"],
    check(view) {
      return view.resources("aws_codebuild_project").flatMap((p): Finding[] => {
        const s3Logs = nested(p.body, "logs_config").flatMap((l) => nested(l.body, "s3_logs").map((s) => ({ ...s, path: [...l.path, ...s.path] }))).filter((s) => bool(s.body.encryption_disabled) === true);
        const artifacts = [...nested(p.body, "artifacts"), ...nested(p.body, "secondary_artifacts")].filter((a) => bool(a.body.encryption_disabled) === true);
        return [
          ...s3Logs.map((s): Finding => ({ address: p.address, message: `${p.address} writes its S3 logs unencrypted`, path: s.path })),
          ...artifacts.map((a): Finding => ({ address: p.address, message: `${p.address} writes artifacts unencrypted`, path: a.path })),
        ];
      });
    },
  },
  {
    id: "NOROS-CODEBUILD-003",
    title: "CodeBuild environment variables hold no plain-text secret",
    rationale: "PLAINTEXT variables show in the project, the console and the state; type SECRETS_MANAGER or PARAMETER_STORE variables are fetched when the build starts.",
    control: securityHub("CodeBuild.2"),
    resourceTypes: ["aws_codebuild_project"],
    check(view) {
      return view.resources("aws_codebuild_project").flatMap((p): Finding[] =>
        nested(p.body, "environment").flatMap((e) =>
          nested(e.body, "environment_variable")
            .filter((v) => String(v.body.type ?? "PLAINTEXT") === "PLAINTEXT" && typeof v.body.name === "string" && plainSecret(v.body.name, v.body.value))
            .map((v) => ({ address: p.address, message: `${p.address} has the secret ${String(v.body.name)} as a plain-text environment variable`, path: [...e.path, ...v.path] })),
        ),
      );
    },
  },
];
