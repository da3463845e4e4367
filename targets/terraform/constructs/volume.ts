import type { GraphNode } from "../../../compiler/graph.js";
import type { TerraformDocument } from "../document.js";
import { interpolate } from "../expression.js";
import { localName, nameTag, physicalName } from "../naming.js";

/**
 * An encrypted EBS volume in the availability zone of its host's subnet (a volume can only attach
 * within its zone), and its attachment. Destroying the attachment stops the instance first, so the
 * file system is unmounted cleanly instead of being torn away.
 */
export function lowerVolume(node: GraphNode<"volume">, tf: TerraformDocument, hosts: ReadonlyMap<string, GraphNode<"host">>): void {
  const n = node.name;
  const { props } = node;
  const host = hosts.get(props.host.name) as GraphNode<"host">;
  const subnet = `aws_subnet.${localName(host.props.network.name, host.props.subnet, 0)}`;
  tf.resource(
    "aws_ebs_volume",
    n,
    {
      availability_zone: interpolate(`${subnet}.availability_zone`),
      size: props.sizeGb,
      type: props.type,
      encrypted: true,
      ...(props.iops !== undefined ? { iops: props.iops } : {}),
      ...(props.throughputMbps !== undefined ? { throughput: props.throughputMbps } : {}),
      final_snapshot: props.finalSnapshot,
      tags: { ...nameTag(n), "noros:host": physicalName(host.name) },
    },
    n,
  );
  tf.resource(
    "aws_volume_attachment",
    n,
    { device_name: props.device, volume_id: interpolate(`aws_ebs_volume.${n}.id`), instance_id: interpolate(`aws_instance.${host.name}.id`), stop_instance_before_detaching: true },
    n,
  );
}
