import { z } from "zod";
import { Cidr, Port } from "../common.js";
import { UnixName } from "./common.js";

/** PostgreSQL on the host: databases each owned by a role of the same name, reachable from the network with SCRAM passwords. */
export const PostgresqlSchema = z.strictObject({
  /** The major version, as nixpkgs packages it (postgresql_16). */
  version: z.union([z.literal(15), z.literal(16), z.literal(17)]).default(16),
  /** Databases to create; each gets an owner role of the same name (its password is set through Session Manager, never here). */
  databases: z.array(UnixName).min(1),
  port: Port.default(5432),
  /** Who may connect over TCP; the host's network unless set. Local connections use peer authentication. */
  from: Cidr.optional(),
});

export type PostgresqlInput = z.input<typeof PostgresqlSchema>;
export type PostgresqlProps = z.output<typeof PostgresqlSchema>;
