import type { Rule } from "./rule.js";
import { ebsRules, ec2Rules } from "./rules/ec2.js";
import { acmRules, albRules, apiGatewayRules, kmsPolicyRules, kmsRules, secretRules } from "./rules/edge.js";
import { ecsLoggingRules, ecsRules, eksRules, lambdaRules } from "./rules/compute.js";
import { elasticacheRules, rdsRules, rdsTransitRules } from "./rules/data-stores.js";
import { iamRules } from "./rules/iam.js";
import { ecrRules, logRules, snsRules } from "./rules/messaging.js";
import { alarmRules, autoScalingRules } from "./rules/operations.js";
import { s3Rules } from "./rules/s3.js";
import { codebuildRules } from "./rules/codebuild.js";
import { securityGroupRules } from "./rules/security-group.js";

/** Every security-policy rule, in id order: what `noros check` enforces and docs/policy.md lists. */
export const policyRules: readonly Rule[] = [
  ...s3Rules,
  ...ec2Rules,
  ...ebsRules,
  ...securityGroupRules,
  ...iamRules,
  ...rdsRules,
  ...elasticacheRules,
  ...logRules,
  ...snsRules,
  ...ecrRules,
  ...albRules,
  ...lambdaRules,
  ...ecsRules,
  ...eksRules,
  ...kmsRules,
  ...secretRules,
  ...rdsTransitRules,
  ...ecsLoggingRules,
  ...kmsPolicyRules,
  ...acmRules,
  ...apiGatewayRules,
  ...alarmRules,
  ...autoScalingRules,
  ...codebuildRules,
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export const ruleById: ReadonlyMap<string, Rule> = new Map(policyRules.map((r) => [r.id, r]));
