import { construct, type Construct, type Ref } from "./core.js";
import type { DatabaseInput } from "./schemas/database.js";

/** The references a database exposes, and the type of value each stands for. */
/**
 * The database's name is `databaseName`, not `name`: every construct's `name` is its own name in the
 * system (the compiler identifies constructs by it), so a reference could not take that key.
 */
export const databaseAttributes = { endpoint: "hostname", port: "port", databaseName: "string", arn: "arn" } as const;

export type Database = Construct<"database", DatabaseInput> & {
  readonly endpoint: Ref<"hostname">;
  readonly port: Ref<"port">;
  readonly databaseName: Ref<"string">;
  readonly arn: Ref<"arn">;
};

/**
 * An RDS PostgreSQL instance in the network's private subnets: encrypted, never public, TLS
 * required, the master password managed by RDS in Secrets Manager, automated backups, deletion
 * protection, and a security group admitting port 5432 only from its declared `clients`. The
 * database and its application user are created with the cyrilgdn/postgresql provider.
 */
export function database(name: string, props: DatabaseInput): Database {
  return construct("database", name, props, databaseAttributes);
}
