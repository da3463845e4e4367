import { z } from "zod";
import type { Bucket } from "../bucket.js";
import type { Certificate } from "../certificate.js";
import type { Host } from "../host.js";
import type { Network } from "../network.js";
import type { Service } from "../service.js";
import { Cidr, Port, fail, use } from "./common.js";

/** A URL path a health check asks for. */
const HealthPath = z.string().superRefine((value, ctx) => {
  if (!/^\/[A-Za-z0-9._~\/-]*(?:\?[A-Za-z0-9._~=&%-]*)?$/.test(value)) {
    fail(ctx, "NOROS2086", `health check path "${value}" is invalid: start with "/" and use letters, digits, ".", "_", "~", "-", "/" and a simple query`);
  }
});

export const TargetHealthCheckSchema = z.strictObject({
  /**
   * How the load balancer probes a target: "http" (a GET of `path`) or "tcp" (a connection). Default:
   * http for an application load balancer, tcp for a network one.
   */
  protocol: z.enum(["http", "tcp"]).optional(),
  /** The path an http check asks for. Default: a service's own health check path, else "/". */
  path: HealthPath.optional(),
  /** The port probed. Default: the port traffic goes to (a UDP target group must name a TCP port). */
  port: Port.optional(),
  /** Seconds between probes. */
  intervalS: z.number().int().min(5).max(300).default(30),
  /** Seconds a probe may take (http only; tcp probes time out at 10 s). */
  timeoutS: z.number().int().min(2).max(120).default(5),
  /** Successful probes in a row before a target receives traffic. */
  healthyThreshold: z.number().int().min(2).max(10).default(3),
  /** Failed probes in a row before a target stops receiving traffic. */
  unhealthyThreshold: z.number().int().min(2).max(10).default(3),
});

export const ForwardSchema = z.strictObject({
  /**
   * Where traffic goes: hosts (instance targets) or one service running on ECS (its tasks register
   * themselves, as ip targets). The targets then admit traffic only from the load balancer.
   */
  to: z.array(use<Host | Service>("host", "service")).min(1),
  /** The port on the targets. Default: the service's port, or the listener's port for hosts. */
  port: Port.optional(),
  /** How targets are probed before they get traffic. */
  healthCheck: TargetHealthCheckSchema.default({ intervalS: 30, timeoutS: 5, healthyThreshold: 3, unhealthyThreshold: 3 }),
  /** Seconds a target being removed keeps its open connections. */
  deregistrationDelayS: z.number().int().min(0).max(3600).default(30),
});

export const ListenerSchema = z.strictObject({
  /** The port clients connect to. */
  port: Port,
  /**
   * http and https for an application load balancer (https needs the load balancer's `certificate`);
   * tcp and udp for a network one.
   */
  protocol: z.enum(["http", "https", "tcp", "udp"]),
  /**
   * Where the listener sends traffic. An http listener without it redirects to the load balancer's
   * https listener (the only thing an http listener may do once a certificate is given).
   */
  forward: ForwardSchema.optional(),
});

export const LoadBalancerSchema = z
  .strictObject({
    /** "application" (HTTP and HTTPS, layer 7) or "network" (TCP and UDP, layer 4). */
    type: z.enum(["application", "network"]).default("application"),
    /** The network whose public subnets (private ones when `internal`) the load balancer sits in. */
    network: use<Network>("network"),
    /** Reachable only inside the network, from its private subnets, instead of from the internet. */
    internal: z.boolean().default(false),
    /** Who may connect to the listeners. Default: anyone (0.0.0.0/0), or the network's range when internal. */
    clients: z.array(Cidr).min(1).optional(),
    /** The TLS certificate of the https listeners (validated before the listener uses it). */
    certificate: use<Certificate>("certificate").optional(),
    /** What the load balancer listens on and where each listener forwards. */
    listeners: z.array(ListenerSchema).min(1),
    /**
     * Write access logs to this bucket, under `prefix` (default lb/<name>). The bucket is then
     * encrypted with SSE-S3, the only encryption ELB log delivery supports. Application load balancers only.
     */
    accessLogs: z.strictObject({ bucket: use<Bucket>("bucket"), prefix: z.string().regex(/^[A-Za-z0-9!_.*'()-]+(?:\/[A-Za-z0-9!_.*'()-]+)*$/, "a key prefix such as lb/checker, without leading or trailing /").optional() }).optional(),
  })
  .superRefine((lb, ctx) => {
    const layer7 = lb.type === "application";
    if (lb.accessLogs && !layer7) fail(ctx, "NOROS2089", "access logs are written by application load balancers (a network load balancer logs only TLS listeners, which noros does not declare)", ["accessLogs"]);
    const seen = new Map<number, number>();
    lb.listeners.forEach((listener, i) => {
      const at = (...path: PropertyKey[]) => ["listeners", i, ...path];
      const suits = layer7 ? listener.protocol === "http" || listener.protocol === "https" : listener.protocol === "tcp" || listener.protocol === "udp";
      if (!suits) {
        fail(ctx, "NOROS2081", `${layer7 ? "an application" : "a network"} load balancer cannot listen on ${listener.protocol}: use ${layer7 ? "http or https (or type: \"network\" for tcp and udp)" : "tcp or udp (or type: \"application\" for http and https)"}`, at("protocol"));
        return;
      }
      // TCP and UDP listeners may share a port (a game's query and game traffic); others may not.
      const key = listener.port * 2 + (listener.protocol === "udp" ? 1 : 0);
      if (seen.has(key)) fail(ctx, "NOROS2085", `listener ${i} uses port ${listener.port} as listener ${seen.get(key)} does`, at("port"));
      else seen.set(key, i);
      if (listener.protocol === "https" && lb.certificate === undefined) {
        fail(ctx, "NOROS2080", `an https listener needs the load balancer's certificate: give certificate: certificate("...", { ... })`, at("protocol"));
      }
      if (listener.protocol === "http") {
        if (listener.forward && lb.certificate !== undefined) {
          fail(ctx, "NOROS2083", "with a certificate, an http listener only redirects to https: remove its forward (plain HTTP would carry the same traffic unencrypted)", at("forward"));
        }
        if (!listener.forward && !lb.listeners.some((l) => l.protocol === "https")) {
          fail(ctx, "NOROS2084", "an http listener without forward redirects to https, but the load balancer has no https listener: give it a forward, or add an https listener", at());
        }
      } else if (!listener.forward) {
        fail(ctx, "NOROS2009", `a ${listener.protocol} listener needs forward: { to: [...] }`, at());
      }
      const check = listener.forward?.healthCheck;
      if (!check) return;
      const protocol = check.protocol ?? (layer7 ? "http" : "tcp");
      if (layer7 && protocol === "tcp") fail(ctx, "NOROS2086", "an application load balancer checks health over http: remove protocol: \"tcp\"", at("forward", "healthCheck", "protocol"));
      if (check.timeoutS >= check.intervalS) fail(ctx, "NOROS2086", `a health check's timeoutS (${check.timeoutS}) must be shorter than its intervalS (${check.intervalS})`, at("forward", "healthCheck", "timeoutS"));
      if (protocol === "tcp" && check.path !== undefined) fail(ctx, "NOROS2086", "a tcp health check opens a connection and asks for no path: remove path, or use protocol: \"http\"", at("forward", "healthCheck", "path"));
      if (listener.protocol === "udp" && check.port === undefined) {
        fail(
          ctx,
          "NOROS2082",
          `health checks of a UDP target group run over ${protocol === "http" ? "HTTP (on TCP)" : "TCP"}, which the UDP port ${listener.forward?.port ?? listener.port} does not answer: give healthCheck.port, a TCP port the targets serve`,
          at("forward", "healthCheck", ...(check.protocol ? ["protocol"] : [])),
        );
      }
    });
  });

export type LoadBalancerInput = z.input<typeof LoadBalancerSchema>;
export type LoadBalancerProps = z.output<typeof LoadBalancerSchema>;
export type ListenerProps = z.output<typeof ListenerSchema>;
export type ForwardProps = z.output<typeof ForwardSchema>;
