import { securityHub, type Finding, type Rule } from "../rule.js";
import { bool } from "../view.js";

export const alarmRules: readonly Rule[] = [
  {
    id: "NOROS-CW-001",
    title: "CloudWatch alarms keep their actions enabled",
    rationale: "An alarm whose actions are off still changes state but tells nobody, recovers nothing and reboots nothing.",
    control: securityHub("CloudWatch.17"),
    resourceTypes: ["aws_cloudwatch_metric_alarm", "aws_cloudwatch_composite_alarm"],
    check(view) {
      return view.resources("aws_cloudwatch_metric_alarm", "aws_cloudwatch_composite_alarm").flatMap((a): Finding[] =>
        bool(a.body.actions_enabled) === false ? [{ address: a.address, message: `${a.address} has its actions disabled (actions_enabled = false)`, path: ["actions_enabled"] }] : [],
      );
    },
  },
];

export const autoScalingRules: readonly Rule[] = [
  {
    id: "NOROS-ASG-001",
    title: "Auto Scaling groups launch from a launch template",
    rationale: "Launch configurations cannot require IMDSv2 everywhere a template can and get no new EC2 features; the template's own rules then check what the group launches.",
    control: securityHub("AutoScaling.9"),
    resourceTypes: ["aws_autoscaling_group"],
    check(view) {
      return view.resources("aws_autoscaling_group").flatMap((g): Finding[] =>
        g.body.launch_configuration !== undefined ? [{ address: g.address, message: `${g.address} launches from a launch configuration, not a launch template`, path: ["launch_configuration"] }] : [],
      );
    },
  },
];
