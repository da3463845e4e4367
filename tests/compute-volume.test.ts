import { describe, expect, it } from "vitest";
import { diagnosticsOf, terraformOf } from "./helpers/compute.js";

const head = [
  'import { host, network, system, volume } from "noros";',
  'const net = network("net", { cidr: "10.0.0.0/16", publicSubnets: ["10.0.0.0/24"], privateSubnets: ["10.0.10.0/24", "10.0.11.0/24"] });',
  'const db = host("db", { network: net });',
];
const system = 'export default system("x", { region: "eu-central-1", resources: [net, db, data] });';
const codes = (found: readonly string[]) => found.map((d) => d.split(" ").slice(0, 2).join(" "));

describe("volumes", () => {
  const doc = terraformOf([...head, 'const data = volume("data", { host: db, sizeGb: 200, iops: 6000, throughputMbps: 250 });', system]);

  it("are encrypted, in the availability zone of the host's subnet, tagged with the host", () => {
    expect(doc.resource.aws_ebs_volume?.data).toEqual({
      availability_zone: "${aws_subnet.net_private_0.availability_zone}",
      size: 200,
      type: "gp3",
      encrypted: true,
      iops: 6000,
      throughput: 250,
      final_snapshot: false,
      tags: { Name: "${var.name_prefix}-data", "noros:host": "${var.name_prefix}-db" },
    });
  });

  it("are attached to their host", () => {
    expect(doc.resource.aws_volume_attachment?.data).toEqual({
      device_name: "/dev/sdf",
      volume_id: "${aws_ebs_volume.data.id}",
      instance_id: "${aws_instance.db.id}",
      stop_instance_before_detaching: true,
    });
  });

  it("refuse a size EBS does not allow, at the size", () => {
    expect(diagnosticsOf([...head, 'const data = volume("data", { host: db, sizeGb: 20000 });', system])).toEqual([
      'NOROS2042 4:41 volume "data": sizeGb: a gp3 volume is 1 to 16384 GiB, not 20000',
    ]);
  });

  it("refuse IOPS outside the type's range, and io2 without IOPS", () => {
    expect(codes(diagnosticsOf([...head, 'const data = volume("data", { host: db, sizeGb: 100, iops: 100 });', system]))).toEqual(["NOROS2043 4:54"]);
    expect(codes(diagnosticsOf([...head, 'const data = volume("data", { host: db, sizeGb: 100, type: "io2" });', system]))).toEqual(["NOROS2043 4:54"]);
  });

  it("refuse two volumes of one host on the same device", () => {
    const found = diagnosticsOf([
      ...head,
      'const data = volume("data", { host: db, sizeGb: 10 });',
      'const logs = volume("logs", { host: db, sizeGb: 10 });',
      'export default system("x", { region: "eu-central-1", resources: [net, db, data, logs] });',
    ]);
    expect(found).toEqual(['NOROS3040 5:29 volumes "data" and "logs" are both attached to host "db" as /dev/sdf']);
  });
});
