/**
 * The NixOS modules a host can run, each a typed value (`nginx({...})`, `consul({...})`) whose schema
 * lives in this directory and whose lowering to real NixOS options lives in targets/nix/modules/.
 */
import { z } from "zod";
import { ConsulSchema } from "./consul.js";
import { ContainersSchema } from "./containers.js";
import { DnsmasqSchema } from "./dnsmasq.js";
import { Fail2banSchema } from "./fail2ban.js";
import { FirecrackerSchema } from "./firecracker.js";
import { GrafanaSchema } from "./grafana.js";
import { LogPipelineSchema } from "./log-pipeline.js";
import { LogrotateSchema } from "./logrotate.js";
import { NginxSchema } from "./nginx.js";
import { NomadSchema } from "./nomad.js";
import { PostgresqlSchema } from "./postgresql.js";
import { PrometheusSchema } from "./prometheus.js";
import { SystemdServiceSchema } from "./systemd-service.js";

/** Every module kind and its options' schema. */
export const moduleSchemas = {
  nginx: NginxSchema,
  postgresql: PostgresqlSchema,
  containers: ContainersSchema,
  consul: ConsulSchema,
  nomad: NomadSchema,
  dnsmasq: DnsmasqSchema,
  prometheus: PrometheusSchema,
  grafana: GrafanaSchema,
  fail2ban: Fail2banSchema,
  logrotate: LogrotateSchema,
  "systemd-service": SystemdServiceSchema,
  firecracker: FirecrackerSchema,
  "log-pipeline": LogPipelineSchema,
} as const;

export type ModuleKind = keyof typeof moduleSchemas;

const entry = <K extends ModuleKind>(kind: K) => z.strictObject({ module: z.literal(kind), options: moduleSchemas[kind] });

/** One module on a host: `{ module: "nginx", options: {...} }`, as the constructors in dsl/nixos.ts build it. */
export const NixosModuleSchema = z.discriminatedUnion("module", [
  entry("nginx"),
  entry("postgresql"),
  entry("containers"),
  entry("consul"),
  entry("nomad"),
  entry("dnsmasq"),
  entry("prometheus"),
  entry("grafana"),
  entry("fail2ban"),
  entry("logrotate"),
  entry("systemd-service"),
  entry("firecracker"),
  entry("log-pipeline"),
]);

export type NixosModuleInput = z.input<typeof NixosModuleSchema>;
export type NixosModuleProps = z.output<typeof NixosModuleSchema>;
/** The checked options of one module kind. */
export type ModuleOptions<K extends ModuleKind> = z.output<(typeof moduleSchemas)[K]>;
