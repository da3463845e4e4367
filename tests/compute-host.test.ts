import { describe, expect, it } from "vitest";
import { diagnosticsOf, terraformOf } from "./helpers/compute.js";

const network = 'const net = network("net", { cidr: "10.0.0.0/16", publicSubnets: ["10.0.0.0/24"], privateSubnets: ["10.0.10.0/24"] });';
const system = (resources: string, region = "eu-central-1") => `export default system("x", { region: "${region}", resources: [${resources}] });`;

describe("hosts launch from a launch template", () => {
  const doc = terraformOf([
    'import { host, network, system, waive } from "noros";',
    network,
    'const web = host("web", { network: net, instanceType: "t3.small", diskGb: 30, environment: { MODE: "prod" } });',
    'const edge = waive(host("edge", { network: net, subnet: "public", os: { ami: "ami-0123456789abcdef0" } }), "NOROS-EC2-007", "a test host with a public address, on purpose");',
    system("net, web, edge"),
  ]);
  const template = doc.resource.aws_launch_template?.web ?? {};

  it("requires IMDSv2 with a hop limit of one, monitors, and launches with the host's own profile", () => {
    expect(template.metadata_options).toEqual({ http_endpoint: "enabled", http_tokens: "required", http_put_response_hop_limit: 1 });
    expect(template.monitoring).toEqual({ enabled: true });
    expect(template.iam_instance_profile).toEqual({ arn: "${aws_iam_instance_profile.web.arn}" });
    expect(template.instance_type).toBe("t3.small");
  });

  it("is reached through Session Manager, not SSH: its role holds AmazonSSMManagedInstanceCore, and there is no key pair and no port 22", () => {
    expect(doc.resource.aws_iam_role_policy_attachment?.web_ssm).toEqual({ role: "${aws_iam_role.web.name}", policy_arn: "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore" });
    expect(template).not.toHaveProperty("key_name");
    expect(doc.resource.aws_instance?.web).not.toHaveProperty("key_name");
    const rules = Object.values(doc.resource.aws_vpc_security_group_ingress_rule ?? {});
    expect(rules.filter((r) => Number(r.from_port) <= 22 && Number(r.to_port) >= 22)).toEqual([]);
  });

  it("encrypts a gp3 root volume on the AMI's own root device, and tags the volumes AWS creates", () => {
    expect(template.block_device_mappings).toEqual([
      { device_name: "${data.aws_ami.nixos_x86_64.root_device_name}", ebs: { encrypted: "true", volume_type: "gp3", volume_size: 30, delete_on_termination: "true" } },
    ]);
    const [volumes] = template.tag_specifications as Array<{ resource_type: string; tags: Record<string, string> }>;
    expect(volumes?.resource_type).toBe("volume");
    expect(volumes?.tags).toMatchObject({ "noros:host": "${var.name_prefix}-web", "noros:system": "x", "noros:run": "${var.noros_run}" });
  });

  it("gives no public IP in a private subnet, one in a public subnet", () => {
    expect(template.network_interfaces).toEqual([
      { device_index: 0, associate_public_ip_address: "false", delete_on_termination: "true", security_groups: ["${aws_security_group.web.id}"], subnet_id: "${aws_subnet.net_private_0.id}" },
    ]);
    const edge = (doc.resource.aws_launch_template?.edge?.network_interfaces as Array<Record<string, unknown>>)[0];
    expect(edge).toMatchObject({ associate_public_ip_address: "true", subnet_id: "${aws_subnet.net_public_0.id}" });
  });

  it("passes the user data base64-encoded, and only to NixOS hosts", () => {
    expect(template.user_data).toBe("${base64encode(local.web_user_data)}");
    expect(doc.locals?.web_user_data).toContain("MODE='prod'");
    expect(doc.resource.aws_launch_template?.edge).not.toHaveProperty("user_data");
  });

  it("looks a given AMI up by id, for its root device name", () => {
    expect(doc.data.aws_ami?.edge_ami).toEqual({ filter: [{ name: "image-id", values: ["ami-0123456789abcdef0"] }] });
    expect(doc.resource.aws_launch_template?.edge?.image_id).toBe("${data.aws_ami.edge_ami.id}");
  });

  it("launches the instance from the template's latest version and sets nothing else on it", () => {
    expect(doc.resource.aws_instance?.web).toEqual({
      launch_template: { id: "${aws_launch_template.web.id}", version: "${aws_launch_template.web.latest_version}" },
      tags: { Name: "${var.name_prefix}-web" },
    });
  });
});

describe("restart on failure (S0.3)", () => {
  const doc = terraformOf([
    'import { host, network, system, topic } from "noros";',
    network,
    'const alerts = topic("alerts");',
    'const quiet = topic("quiet");',
    'const web = host("web", { network: net, notify: [alerts] });',
    'const batch = host("batch", { network: net, restartOnFailure: false });',
    system("net, web, batch, alerts, quiet"),
  ]);
  const alarms = doc.resource.aws_cloudwatch_metric_alarm ?? {};

  it("is on by default: the system check recovers the instance, the instance check reboots it", () => {
    expect(alarms.web_recover).toMatchObject({
      namespace: "AWS/EC2",
      metric_name: "StatusCheckFailed_System",
      dimensions: { InstanceId: "${aws_instance.web.id}" },
      statistic: "Maximum",
      comparison_operator: "GreaterThanThreshold",
      threshold: 0,
      alarm_actions: ["arn:aws:automate:eu-central-1:ec2:recover", "${aws_sns_topic.alerts.arn}"],
      ok_actions: ["${aws_sns_topic.alerts.arn}"],
    });
    expect(alarms.web_reboot).toMatchObject({
      metric_name: "StatusCheckFailed_Instance",
      alarm_actions: ["arn:aws:automate:eu-central-1:ec2:reboot", "${aws_sns_topic.alerts.arn}"],
    });
  });

  it("is off when asked", () => {
    expect(Object.keys(alarms).sort()).toEqual(["web_reboot", "web_recover"]);
  });

  it("gives a notified topic a key CloudWatch may use, and leaves other topics on the AWS-managed key", () => {
    expect(doc.resource.aws_sns_topic?.alerts?.kms_master_key_id).toBe("${aws_kms_key.alerts_sns.arn}");
    expect(doc.resource.aws_sns_topic?.quiet?.kms_master_key_id).toBe("alias/aws/sns");
    expect(doc.resource.aws_kms_key?.alerts_sns).toMatchObject({ enable_key_rotation: true });
    const statements = (doc.data.aws_iam_policy_document?.alerts_sns_key as { statement: Array<{ sid: string; actions: string[]; principals: Array<{ identifiers: string[] }> }> }).statement;
    const cloudwatch = statements.find((s) => s.sid === "CloudWatchAlarms");
    expect(cloudwatch?.principals[0]?.identifiers).toEqual(["cloudwatch.amazonaws.com"]);
    expect(cloudwatch?.actions).toEqual(["kms:Decrypt", "kms:GenerateDataKey*"]);
  });

  it("names the automate actions of the region's partition", () => {
    const china = terraformOf(['import { host, network, system } from "noros";', network, 'const web = host("web", { network: net });', system("net, web", "cn-north-1")]);
    expect(china.resource.aws_cloudwatch_metric_alarm?.web_recover?.alarm_actions).toEqual(["arn:aws-cn:automate:cn-north-1:ec2:recover"]);
  });

  it("refuses a notify entry that is not a topic, at its position (the type-check sees it first)", () => {
    const found = diagnosticsOf(['import { host, network, system } from "noros";', network, 'const web = host("web", { network: net, notify: [net] });', system("net, web")]);
    expect(found.map((d) => d.split(" ").slice(0, 2).join(" "))).toEqual(["NOROS1005 3:50"]);
    expect(found[0]).toContain("'Network' is not assignable to type 'Deferrable<Topic>'");
  });
});
