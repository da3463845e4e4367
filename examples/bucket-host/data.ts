import { cache, database, secret, type Host } from "noros";
import { network } from "./network.ts";

/**
 * The reader's data tier: a PostgreSQL database with its application user, and Redis. Both admit the
 * reader only; both passwords are generated into Secrets Manager and appear in no file noros writes.
 * A function of the reader because it is its client (the reader itself is declared in system.ts), and
 * of `sessionsOn`, the Redis cache's `on` as the system file chose it.
 */
export function dataTier(reader: Host, sessionsOn: "elasticache" | { host: Host }) {
  const dbPassword = secret("app-db-password", {
    description: "password of the app database's application user",
    generate: { length: 32 },
    readers: [reader],
  });

  // requirement S0.7: `database("app-db")`: RDS PostgreSQL in the private subnets (encrypted, not public, TLS forced, master password managed by RDS), database "app" owned by the application user "reader" whose password is a generated secret; only the reader may connect
  const appDb = database("app-db", {
    network,
    databaseName: "app",
    appUser: { name: "reader", password: dbPassword.value },
    clients: [reader],
  });

  // The reader reads the token as the cache's client, wherever the cache runs (on the reader, the same
  // grant it has as the cache's host; on ElastiCache, the only one).
  const redisToken = secret("sessions-auth", {
    description: "AUTH token of the sessions cache",
    generate: { length: 32 },
    readers: [reader],
  });

  // requirement S0.6: `on` is the one field and, with the system's name, all that differs between two system files: bucket-host.noros.ts passes { host: reader } (services.redis on the NixOS reader, token fetched at boot into /run), bucket-host-elasticache.noros.ts "elasticache" (a replication group with TLS and AUTH)
  const sessions = cache("sessions", {
    on: sessionsOn,
    network,
    authToken: redisToken.value,
    clients: [reader],
  });

  return [dbPassword, appDb, redisToken, sessions] as const;
}
