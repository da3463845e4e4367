import { cache, database, secret, type Host } from "noros";
import { network } from "./network.ts";

/**
 * The reader's data tier: a PostgreSQL database with its application user, and Redis. Both admit the
 * reader only; both passwords are generated into Secrets Manager and appear in no file noros writes.
 * A function of the reader because it is its client (the reader itself is declared in the system file).
 */
export function dataTier(reader: Host) {
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

  const redisToken = secret("sessions-auth", {
    description: "AUTH token of the sessions cache",
    generate: { length: 32 },
  });

  // requirement S0.6: `on` is the one field: { host: reader } runs services.redis on the NixOS reader (token fetched at boot into /run), "elasticache" a replication group with TLS and AUTH
  const sessions = cache("sessions", {
    on: { host: reader },
    network,
    authToken: redisToken.value,
    clients: [reader],
  });

  return [dbPassword, appDb, redisToken, sessions] as const;
}
