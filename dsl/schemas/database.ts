import { z } from "zod";
import type { Host } from "../host.js";
import type { Network } from "../network.js";
import type { Service } from "../service.js";
import { codedString, fail, use } from "./common.js";
import { secretValue } from "./secret.js";

/** Role names RDS or PostgreSQL keep for themselves. */
const reservedRoles = ["postgres", "rdsadmin", "rds_superuser", "rdsrepladmin", "rds_replication", "rds_password", "public", "template0", "template1", "dbadmin"];

/**
 * A plain PostgreSQL identifier: no quoting is ever needed, in SQL, in a connection string or in a
 * shell. Reserved role names are refused (the master user is noros's `dbadmin`).
 */
export const PgIdentifier = codedString(
  "NOROS2107",
  (value) => /^[a-z][a-z0-9_]{0,62}$/.test(value) && !reservedRoles.includes(value),
  (value) => `"${value}" is not a plain PostgreSQL identifier: start with a lowercase letter, then up to 62 lowercase letters, digits and "_" (not ${reservedRoles.join(", ")})`,
);

/** The PostgreSQL major versions noros generates parameter groups for. */
export const postgresVersions = ["16", "17"] as const;

export const DbInstanceClass = codedString(
  "NOROS2110",
  (value) => /^db\.[a-z][a-z0-9-]*\.[a-z0-9]+$/.test(value),
  (value) => `"${value}" is not an RDS instance class such as db.t4g.micro`,
);

/** Hosts and ECS services that connect: the only sources the database's security group admits. */
export const DataClient = use<Host | Service>("host", "service");

/**
 * Deletion protection: on (`true`) unless turned off with a reason, `{ off: "why" }`, so that the
 * weakening is explicit in the system file (a throwaway test database is the usual one).
 */
export const DeletionProtection = z
  .custom<true | { readonly off: string }>()
  .superRefine((value, ctx) => {
    if ((value as unknown) === false) {
      fail(ctx, "NOROS2108", 'deletion protection is turned off only with a reason: write deletionProtection: { off: "a throwaway test database" }');
      return;
    }
    const ok = value === true || (typeof value === "object" && value !== null && Object.keys(value).length === 1 && typeof (value as { off?: unknown }).off === "string" && (value as { off: string }).off.trim().length >= 3);
    if (!ok) fail(ctx, "NOROS2108", 'deletionProtection is true (the default) or { off: "the reason" }');
  });

export const DatabaseSchema = z.strictObject({
  /** The network whose private subnets hold the database (a subnet group over all of them). */
  network: use<Network>("network"),
  /** The database created in the instance, owned by the application user. */
  databaseName: PgIdentifier,
  /** The application user: it owns the database; its password is a generated secret. */
  appUser: z.strictObject({
    /** The role name the application logs in with. */
    name: PgIdentifier,
    /** A secret's `.value`; a generated one, so that noros can set it. */
    password: secretValue(),
  }),
  /** PostgreSQL major version; minor versions are upgraded automatically in the maintenance window. */
  engineVersion: z
    .string()
    .superRefine((value, ctx) => {
      if (!(postgresVersions as readonly string[]).includes(value)) fail(ctx, "NOROS2112", `PostgreSQL "${value}" is not a major version noros knows: use ${postgresVersions.join(" or ")}`);
    })
    .default("17"),
  /** The RDS instance class. */
  instanceClass: DbInstanceClass.default("db.t4g.micro"),
  /** Allocated storage (gp3, encrypted) in GiB. */
  storageGb: z
    .number()
    .superRefine((value, ctx) => {
      if (!Number.isInteger(value) || value < 20 || value > 65536) fail(ctx, "NOROS2111", `storage of ${value} GiB is not accepted: use 20 to 65536`);
    })
    .default(20),
  /** Days of automated backups (point-in-time recovery). RDS accepts 1-35; 0, no backups, is not offered. */
  backupRetentionDays: z
    .number()
    .superRefine((value, ctx) => {
      if (!Number.isInteger(value) || value < 1 || value > 35) fail(ctx, "NOROS2109", `a backup retention of ${value} days is not allowed: use 1 to 35`);
    })
    .default(7),
  /** A standby in a second availability zone. */
  multiAz: z.boolean().default(false),
  /** On unless turned off with a reason (`{ off: "why" }`); off also skips the final snapshot. */
  deletionProtection: DeletionProtection.default(true),
  /** Hosts and services that connect on port 5432; nothing else may. */
  clients: z.array(DataClient).default([]),
});

export type DatabaseInput = z.input<typeof DatabaseSchema>;
export type DatabaseProps = z.output<typeof DatabaseSchema>;
