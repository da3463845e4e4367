import { z } from "zod";
import { Cidr, Port, codedString } from "../common.js";

/** How long browsers and caches may keep a static asset: nginx's `expires` syntax (30d, 12h, 1y). */
const Duration = codedString(
  "NOROS2265",
  (value) => /^[1-9][0-9]{0,5}(ms|s|m|h|d|w|M|y)$/.test(value),
  (value) => `"${value}" is not a duration such as 30d, 12h or 1y`,
);

const Location = z.strictObject({
  /** The location prefix, such as "/" or "/static/". */
  path: z.string().regex(/^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/, "a location is a path starting with /"),
  /** Forward requests to this upstream, such as "http://127.0.0.1:8080". */
  proxyPass: z.string().regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?(\/[^\s;{}"']*)?$/, "proxyPass is an http:// or https:// URL without spaces, quotes or braces").optional(),
  /** Serve files from this directory instead. */
  root: z.string().regex(/^\/[A-Za-z0-9._/-]*$/, "root is an absolute directory path").optional(),
  /** Pass WebSocket upgrades through to the upstream. */
  websockets: z.boolean().default(false),
  /**
   * Static assets: how long clients may cache them. Sets `expires` and a public, immutable
   * Cache-Control header, and turns access logging off for them.
   */
  cache: z.strictObject({ maxAge: Duration, immutable: z.boolean().default(true) }).optional(),
});

const VirtualHost = z.strictObject({
  /** The host name nginx answers to (its `server_name`). */
  serverName: z.string().regex(/^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/, "a server name is a DNS name such as www.example.com"),
  /** The port it listens on (TLS terminates at the load balancer in front). */
  port: Port.default(80),
  /** Who may connect; the host's network unless set. */
  from: Cidr.optional(),
  locations: z.array(Location).min(1),
  /** Whether this is the server for requests with no matching Host header. */
  default: z.boolean().default(false),
});

/** nginx as a reverse proxy and static file server, with the recommended proxy, TLS and gzip settings. */
export const NginxSchema = z.strictObject({
  virtualHosts: z.array(VirtualHost).min(1),
});

export type NginxInput = z.input<typeof NginxSchema>;
export type NginxProps = z.output<typeof NginxSchema>;
