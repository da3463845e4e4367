/**
 * A load balancer: its own security group (clients in on the listener ports, out only to its
 * targets: both are flows, lowered with every other one), the ALB or NLB in the network's public
 * subnets (private ones when internal), a listener and target group per declared listener, and the
 * targets' registration (instance attachments for hosts; an ECS service registers itself).
 */
import { nodesOf, type Graph, type GraphNode } from "../../../compiler/graph.js";
import type { ListenerProps } from "../../../dsl/schemas/load-balancer.js";
import type { TerraformDocument } from "../document.js";
import { interpolate } from "../expression.js";
import { localName, nameTag, physicalName } from "../naming.js";
import { securityGroupOf } from "../security-groups.js";
import type { BucketNeeds } from "./bucket.js";
import { subnetId } from "./network.js";

/** TLS 1.3 and 1.2 with forward-secret ciphers only: AWS's recommended policy for new listeners. */
export const TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

type LoadBalancerNode = GraphNode<"load-balancer">;

export function listenerName(lb: string, listener: ListenerProps): string {
  return localName(lb, listener.protocol, listener.port);
}

/** The port traffic reaches the targets on: the declared one, the service's own, or the listener's. */
export function targetPort(graph: Graph, listener: ListenerProps): number {
  const forward = listener.forward;
  if (!forward) throw new Error("internal: a redirecting listener has no targets");
  if (forward.port !== undefined) return forward.port;
  const first = forward.to[0];
  const service = first?.kind === "service" ? nodesOf(graph, "service").find((s) => s.name === first.name) : undefined;
  return service?.props.port ?? listener.port;
}

/** The protocol targets receive: HTTP behind an application load balancer (TLS ends there), else the listener's. */
function targetProtocol(listener: ListenerProps): "HTTP" | "TCP" | "UDP" {
  if (listener.protocol === "http" || listener.protocol === "https") return "HTTP";
  return listener.protocol === "udp" ? "UDP" : "TCP";
}

/** The health check as the target group takes it; a service's own health path is the default path. */
function healthCheck(graph: Graph, lb: LoadBalancerNode, listener: ListenerProps): Record<string, unknown> {
  const forward = listener.forward as NonNullable<ListenerProps["forward"]>;
  const check = forward.healthCheck;
  const protocol = check.protocol ?? (lb.props.type === "application" ? "http" : "tcp");
  const first = forward.to[0];
  const servicePath = first?.kind === "service" ? nodesOf(graph, "service").find((s) => s.name === first.name)?.props.healthCheck.path : undefined;
  return {
    enabled: true,
    protocol: protocol.toUpperCase(),
    port: check.port === undefined ? "traffic-port" : String(check.port),
    interval: check.intervalS,
    timeout: check.timeoutS,
    healthy_threshold: check.healthyThreshold,
    unhealthy_threshold: check.unhealthyThreshold,
    ...(protocol === "http" ? { path: check.path ?? servicePath ?? "/", matcher: "200-399" } : {}),
  };
}

/** Where a service's tasks register: each target group forwarding to it, and the listener that must exist first. */
export function registrationsOf(graph: Graph, service: string): Array<{ targetGroup: string; listener: string; port: number }> {
  return nodesOf(graph, "load-balancer").flatMap((lb) =>
    lb.props.listeners
      .filter((l) => l.forward?.to.some((t) => t.kind === "service" && t.name === service))
      .map((l) => ({ targetGroup: `aws_lb_target_group.${listenerName(lb.name, l)}`, listener: `aws_lb_listener.${listenerName(lb.name, l)}`, port: targetPort(graph, l) })),
  );
}

export function lowerLoadBalancer(node: LoadBalancerNode, tf: TerraformDocument, graph: Graph, networks: ReadonlyMap<string, GraphNode<"network">>): void {
  const n = node.name;
  const { props } = node;
  const network = networks.get(props.network.name) as GraphNode<"network">;
  const vpcId = interpolate(`aws_vpc.${network.name}.id`);
  const kind = props.internal ? "private" : "public";
  const subnets = (props.internal ? network.props.privateSubnets : network.props.publicSubnets).map((_cidr, i) => subnetId(network, kind, i));

  tf.resource("aws_security_group", localName(n, "lb"), { name: physicalName(n, "lb"), description: `noros load balancer ${n}`, vpc_id: vpcId, tags: nameTag(n, "lb") }, n);
  // No `name`: ELB names are at most 32 characters, too few for name_prefix and the construct's name;
  // the Name tag carries the physical name instead.
  tf.resource(
    "aws_lb",
    n,
    {
      load_balancer_type: props.type,
      internal: props.internal,
      subnets,
      security_groups: [interpolate(`${securityGroupOf("load-balancer", n)}.id`)],
      ...(props.accessLogs
        ? {
            access_logs: [{ bucket: interpolate(`aws_s3_bucket.${props.accessLogs.bucket.name}.bucket`), prefix: accessLogPrefix(node), enabled: true }],
            // ELB checks that it may write to the bucket when logging is turned on.
            depends_on: [`aws_s3_bucket_policy.${props.accessLogs.bucket.name}`],
          }
        : {}),
      ...(props.type === "application"
        ? // Requests with header fields that are not valid HTTP are dropped instead of passed on (request smuggling).
          { drop_invalid_header_fields: true, desync_mitigation_mode: "defensive" }
        : { enable_cross_zone_load_balancing: true }),
      tags: nameTag(n),
    },
    n,
  );

  const https = props.listeners.find((l) => l.protocol === "https");
  for (const listener of props.listeners) {
    const name = listenerName(n, listener);
    const base = { load_balancer_arn: interpolate(`aws_lb.${n}.arn`), port: listener.port, protocol: listener.protocol.toUpperCase(), tags: nameTag(n, `${listener.protocol}-${listener.port}`) };
    if (!listener.forward) {
      // Validation guarantees an https listener to redirect to.
      const to = https as ListenerProps;
      tf.resource("aws_lb_listener", name, { ...base, default_action: [{ type: "redirect", redirect: [{ port: String(to.port), protocol: "HTTPS", status_code: "HTTP_301" }] }] }, n);
      continue;
    }
    const services = listener.forward.to.some((t) => t.kind === "service");
    tf.resource(
      "aws_lb_target_group",
      name,
      {
        port: targetPort(graph, listener),
        protocol: targetProtocol(listener),
        // Tasks in awsvpc mode are addressed by IP; hosts by instance id.
        target_type: services ? "ip" : "instance",
        vpc_id: vpcId,
        deregistration_delay: String(listener.forward.deregistrationDelayS),
        health_check: [healthCheck(graph, node, listener)],
        // A changed port or protocol replaces the group; the new one must exist before the listener moves.
        lifecycle: { create_before_destroy: true },
        tags: nameTag(n, `${listener.protocol}-${listener.port}`),
      },
      n,
    );
    const tls = listener.protocol === "https" && props.certificate ? { ssl_policy: TLS_POLICY, certificate_arn: interpolate(`aws_acm_certificate_validation.${props.certificate.name}.certificate_arn`) } : {};
    tf.resource("aws_lb_listener", name, { ...base, ...tls, default_action: [{ type: "forward", target_group_arn: interpolate(`aws_lb_target_group.${name}.arn`) }] }, n);
    for (const target of listener.forward.to) {
      if (target.kind !== "host") continue;
      tf.resource(
        "aws_lb_target_group_attachment",
        localName(name, target.name),
        { target_group_arn: interpolate(`aws_lb_target_group.${name}.arn`), target_id: interpolate(`aws_instance.${target.name}.id`), port: targetPort(graph, listener) },
        n,
      );
    }
  }
}

/**
 * `<lb>_url` of an application load balancer: https when it listens on https, at the name of a
 * record aliasing it (the name its certificate is for), else at its own DNS name.
 */
export function loadBalancerUrl(node: LoadBalancerNode, graph: Graph): string | undefined {
  if (node.props.type !== "application") return undefined;
  const listener = node.props.listeners.find((l) => l.protocol === "https") ?? node.props.listeners.find((l) => l.protocol === "http");
  if (!listener) return undefined;
  const standard = listener.protocol === "https" ? 443 : 80;
  const record = listener.protocol === "https" ? nodesOf(graph, "dns-record").find((r) => r.props.to?.name === node.name) : undefined;
  const host = record ? record.props.name : interpolate(`aws_lb.${node.name}.dns_name`);
  return `${listener.protocol}://${host}${listener.port === standard ? "" : `:${listener.port}`}`;
}

/**
 * What a bucket receiving access logs needs: ELB's regional account may put objects under each
 * writer's prefix for this account only, and the bucket is SSE-S3 encrypted (the only encryption ELB
 * log delivery supports).
 */
export function accessLogNeeds(graph: Graph, bucket: string, tf: TerraformDocument): BucketNeeds {
  const writers = nodesOf(graph, "load-balancer").filter((lb) => lb.props.accessLogs?.bucket.name === bucket);
  if (writers.length === 0) return { statements: [] };
  const elb = tf.data("aws_elb_service_account", "current", {}, "system");
  const account = tf.data("aws_caller_identity", "current", {}, "system");
  return {
    encryption: "AES256",
    statements: [
      {
        sid: "LoadBalancerAccessLogs",
        effect: "Allow",
        actions: ["s3:PutObject"],
        principals: [{ type: "AWS", identifiers: [interpolate(`${elb}.arn`)] }],
        resources: writers.map((lb) => `${interpolate(`aws_s3_bucket.${bucket}.arn`)}/${accessLogPrefix(lb)}/AWSLogs/${interpolate(`${account}.account_id`)}/*`),
      },
    ],
  };
}

/** The key prefix a load balancer's access logs go under: the declared one, else lb/<name>. */
export function accessLogPrefix(lb: LoadBalancerNode): string {
  return lb.props.accessLogs?.prefix ?? `lb/${lb.name}`;
}
