import { describe, expect, it } from "vitest";
import { diagnosticsOf, terraformOf } from "./helpers/compute.js";

const head = [
  'import { alarm, host, network, parameter, system, topic } from "noros";',
  'const net = network("net", { cidr: "10.0.0.0/16", privateSubnets: ["10.0.10.0/24"] });',
  'const web = host("web", { network: net, restartOnFailure: false });',
  'const ops = topic("ops");',
];
const system = 'export default system("x", { region: "eu-central-1", resources: [net, web, ops, cpu] });';

describe("alarms and parameters", () => {
  const doc = terraformOf([
    ...head,
    'const cpu = alarm("cpu", { metric: { namespace: "AWS/EC2", name: "CPUUtilization", dimensions: { InstanceId: web.instanceId } }, comparison: ">=", threshold: 90, periodS: 300, evaluationPeriods: 3, datapointsToAlarm: 2, topics: [ops] });',
    'const mode = parameter("mode", { path: "/web/mode", value: "prod" });',
    'export default system("x", { region: "eu-central-1", resources: [net, web, ops, cpu, mode] });',
  ]);

  it("watch any metric, with references as dimensions, and tell their topics on alarm and on recovery", () => {
    expect(doc.resource.aws_cloudwatch_metric_alarm?.cpu).toMatchObject({
      namespace: "AWS/EC2",
      metric_name: "CPUUtilization",
      dimensions: { InstanceId: "${aws_instance.web.id}" },
      statistic: "Average",
      comparison_operator: "GreaterThanOrEqualToThreshold",
      threshold: 90,
      period: 300,
      evaluation_periods: 3,
      datapoints_to_alarm: 2,
      alarm_actions: ["${aws_sns_topic.ops.arn}"],
      ok_actions: ["${aws_sns_topic.ops.arn}"],
    });
    expect(doc.resource.aws_sns_topic?.ops?.kms_master_key_id).toBe("${aws_kms_key.ops_sns.arn}");
  });

  it("put plain parameters under the deployment's prefix", () => {
    expect(doc.resource.aws_ssm_parameter?.mode).toMatchObject({ name: "/${var.name_prefix}/web/mode", type: "String", value: "prod" });
  });

  it("refuse an alarm without a topic, at its properties", () => {
    expect(diagnosticsOf([...head, 'const cpu = alarm("cpu", { metric: { namespace: "AWS/EC2", name: "CPUUtilization" }, comparison: ">", threshold: 90 });', system])).toEqual([
      'NOROS2045 5:26 alarm "cpu": topics: an alarm needs at least one topic to tell: nobody would hear it',
    ]);
  });

  it("refuse a period CloudWatch does not take, and a bad namespace", () => {
    const found = diagnosticsOf([...head, 'const cpu = alarm("cpu", { metric: { namespace: "my app", name: "Up" }, comparison: "<", threshold: 1, periodS: 45, topics: [ops] });', system]);
    expect(found.map((d) => d.split(" ")[0]).sort()).toEqual(["NOROS2046", "NOROS2047"]);
  });

  it("refuse a parameter path under /aws", () => {
    const found = diagnosticsOf([...head, 'const cpu = parameter("cpu", { path: "/aws/x", value: "1" });', system]);
    expect(found.map((d) => d.split(" ")[0])).toEqual(["NOROS2048"]);
  });
});
