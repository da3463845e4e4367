import { describe, expect, it } from "vitest";
import { diagnosticsOf, terraformOf } from "./helpers/compute.js";

const head = ['import { bucket, hostGroup, network, system } from "noros";', 'const net = network("net", { cidr: "10.0.0.0/16", privateSubnets: ["10.0.10.0/24", "10.0.11.0/24"] });'];
const system = 'export default system("x", { region: "eu-central-1", resources: [net, workers, data] });';

describe("host groups", () => {
  const doc = terraformOf([
    ...head,
    'const workers = hostGroup("workers", { network: net, instanceType: "c5.metal", min: 2, max: 5, tags: { "consul-cluster": "x" } });',
    'const data = bucket("data", { readers: [workers] });',
    system,
  ]);
  const group = doc.resource.aws_autoscaling_group?.workers ?? {};

  it("run min..max instances from their launch template across every private subnet", () => {
    expect(group).toMatchObject({
      min_size: 2,
      max_size: 5,
      desired_capacity: 2,
      vpc_zone_identifier: ["${aws_subnet.net_private_0.id}", "${aws_subnet.net_private_1.id}"],
      launch_template: { id: "${aws_launch_template.workers.id}", version: "${aws_launch_template.workers.latest_version}" },
      health_check_type: "EC2",
      instance_refresh: { strategy: "Rolling" },
    });
    const template = doc.resource.aws_launch_template?.workers ?? {};
    expect(template.instance_type).toBe("c5.metal");
    expect(template.metadata_options).toMatchObject({ http_tokens: "required", http_put_response_hop_limit: 1 });
    // The group chooses the subnet: the template names none, and gives no public IP.
    expect(template.network_interfaces).toEqual([{ device_index: 0, associate_public_ip_address: "false", delete_on_termination: "true", security_groups: ["${aws_security_group.workers.id}"] }]);
  });

  it("propagate the author's tags, the group tag and the system tags to every instance", () => {
    const tags = group.tag as Array<{ key: string; value: string; propagate_at_launch: boolean }>;
    expect(tags.every((t) => t.propagate_at_launch)).toBe(true);
    expect(Object.fromEntries(tags.map((t) => [t.key, t.value]))).toEqual({
      Name: "${var.name_prefix}-workers",
      "consul-cluster": "x",
      "noros:host-group": "${var.name_prefix}-workers",
      "noros:run": "${var.noros_run}",
      "noros:system": "x",
    });
  });

  it("hold their grants on the group's one role, and get their NixOS configuration by tag", () => {
    const grants = doc.data.aws_iam_policy_document?.workers_grants as { statement: Array<{ actions: string[] }> };
    expect(grants.statement.flatMap((s) => s.actions).sort()).toEqual(["s3:GetObject", "s3:ListBucket"]);
    expect(doc.resource.aws_ssm_association?.workers_configuration).toMatchObject({ targets: [{ key: "tag:noros:host-group", values: ["${var.name_prefix}-workers"] }] });
    expect(doc.resource.aws_ssm_association?.workers_configuration).not.toHaveProperty("wait_for_success_timeout_seconds");
    expect(doc.resource.aws_cloudwatch_metric_alarm).toBeUndefined();
  });

  it("refuse min > max at min, desired outside the range at desired", () => {
    expect(diagnosticsOf([...head, 'const workers = hostGroup("workers", { network: net, min: 3, max: 2 });', 'const data = bucket("data");', system])).toEqual([
      'NOROS2040 3:54 host-group "workers": min: min (3) is larger than max (2)',
    ]);
    expect(diagnosticsOf([...head, 'const workers = hostGroup("workers", { network: net, min: 1, max: 2, desired: 4 });', 'const data = bucket("data");', system])).toEqual([
      'NOROS2040 3:70 host-group "workers": desired: desired (4) is outside min..max (1..2)',
    ]);
  });

  it("refuse a reserved tag and a group of more than 100", () => {
    const found = diagnosticsOf([...head, 'const workers = hostGroup("workers", { network: net, min: 1, max: 101, tags: { "noros:host": "y" } });', 'const data = bucket("data");', system]);
    expect(found.map((d) => d.split(" ").slice(0, 2).join(" "))).toEqual(["NOROS2000 3:62", "NOROS2041 3:80"]);
  });

  it("refuse a group in a network without subnets of its kind", () => {
    expect(diagnosticsOf([...head, 'const workers = hostGroup("workers", { network: net, subnet: "public", min: 1, max: 1 });', 'const data = bucket("data");', system])).toEqual([
      'NOROS3005 3:54 host group "workers" wants public subnets, but network "net" has none',
    ]);
  });
});
