import { guidance, securityHub, type Finding, type Rule } from "../rule.js";
import { bool, nested, num, type TerraformView } from "../view.js";

const databases = (view: TerraformView) => view.resources("aws_db_instance", "aws_rds_cluster");
const groups = (view: TerraformView) => view.resources("aws_elasticache_replication_group");
/** A replica or a restore takes its storage and credentials from its source. */
const derived = (body: Readonly<Record<string, unknown>>) => body.replicate_source_db !== undefined || body.snapshot_identifier !== undefined || body.replication_source_identifier !== undefined;

/** The parameter that makes each engine refuse connections without TLS, and the values that turn it on. */
const TLS_PARAMETER: ReadonlyArray<{ engine: RegExp; name: string; on: readonly string[] }> = [
  { engine: /^postgres$/, name: "rds.force_ssl", on: ["1"] },
  { engine: /^sqlserver/, name: "rds.force_ssl", on: ["1"] },
  { engine: /^(mysql|mariadb)$/, name: "require_secure_transport", on: ["1", "ON", "on"] },
];

export const rdsRules: readonly Rule[] = [
  {
    id: "NOROS-RDS-001",
    title: "RDS storage is encrypted",
    rationale: "Encrypted storage covers the database, its automated backups, snapshots and read replicas.",
    control: securityHub("RDS.3"),
    resourceTypes: ["aws_db_instance", "aws_rds_cluster"],
    check(view) {
      return databases(view).flatMap((d): Finding[] =>
        bool(d.body.storage_encrypted) === true || (d.type === "aws_db_instance" && derived(d.body) && d.body.storage_encrypted === undefined) ? [] : [{ address: d.address, message: `${d.address} does not set storage_encrypted = true`, path: ["storage_encrypted"] }],
      );
    },
  },
  {
    id: "NOROS-RDS-002",
    title: "RDS instances are not publicly accessible",
    rationale: "A database is reached from the system's own security groups, never from the internet.",
    control: securityHub("RDS.2"),
    resourceTypes: ["aws_db_instance"],
    check(view) {
      return view.resources("aws_db_instance").flatMap((d): Finding[] =>
        bool(d.body.publicly_accessible) === true ? [{ address: d.address, message: `${d.address} is publicly accessible`, path: ["publicly_accessible"] }] : [],
      );
    },
  },
  {
    id: "NOROS-RDS-003",
    title: "RDS master passwords are managed by AWS",
    rationale: "With manage_master_user_password, Secrets Manager holds and rotates it; a password argument lands in the state.",
    control: guidance("Amazon RDS User Guide: password management with Secrets Manager", "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-secrets-manager.html"),
    resourceTypes: ["aws_db_instance", "aws_rds_cluster"],
    check(view) {
      return databases(view).flatMap((d): Finding[] => {
        const key = d.type === "aws_db_instance" ? "password" : "master_password";
        if (d.body[key] !== undefined) return [{ address: d.address, message: `${d.address} sets ${key}, which is stored in the Terraform state`, path: [key] }];
        if (derived(d.body) || bool(d.body.manage_master_user_password) === true) return [];
        return [{ address: d.address, message: `${d.address} does not set manage_master_user_password = true` }];
      });
    },
  },
  {
    id: "NOROS-RDS-004",
    title: "RDS automatic minor version upgrades stay on",
    rationale: "Minor versions carry the engine's security fixes.",
    control: securityHub("RDS.13"),
    resourceTypes: ["aws_db_instance"],
    check(view) {
      return view.resources("aws_db_instance").flatMap((d): Finding[] =>
        bool(d.body.auto_minor_version_upgrade) === false ? [{ address: d.address, message: `${d.address} turns automatic minor version upgrades off`, path: ["auto_minor_version_upgrade"] }] : [],
      );
    },
  },
  {
    id: "NOROS-RDS-005",
    title: "RDS automated backups stay on",
    rationale: "A retention of 0 days disables backups and point-in-time recovery.",
    control: securityHub("RDS.11"),
    resourceTypes: ["aws_db_instance", "aws_rds_cluster"],
    check(view) {
      return databases(view).flatMap((d): Finding[] =>
        num(d.body.backup_retention_period) === 0 ? [{ address: d.address, message: `${d.address} disables automated backups (backup_retention_period = 0)`, path: ["backup_retention_period"] }] : [],
      );
    },
  },
];

export const rdsTransitRules: readonly Rule[] = [
  {
    id: "NOROS-RDS-006",
    title: "RDS instances refuse connections without TLS",
    rationale: "Only a parameter group with rds.force_ssl (or require_secure_transport) keeps passwords and rows off the wire in clear text; the default group accepts plain connections.",
    control: guidance("Amazon RDS User Guide: requiring SSL/TLS for PostgreSQL", "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/PostgreSQL.Concepts.General.SSL.Requiring.html"),
    resourceTypes: ["aws_db_instance", "aws_db_parameter_group"],
    check(view) {
      return view.resources("aws_db_instance").flatMap((d): Finding[] => {
        const engine = typeof d.body.engine === "string" ? d.body.engine : "";
        const tls = TLS_PARAMETER.find((t) => t.engine.test(engine));
        // A replica takes its source's parameters; other engines have no such parameter.
        if (!tls || d.body.replicate_source_db !== undefined) return [];
        const groups = view.referenced(d.body.parameter_group_name, "aws_db_parameter_group", "name");
        const forced = groups.some((g) => nested(g.body, "parameter").some((p) => p.body.name === tls.name && tls.on.includes(String(p.body.value))));
        if (forced) return [];
        return [{
          address: d.address,
          message: groups.length === 0 ? `${d.address} uses no parameter group of this configuration, so ${tls.name} is not on` : `${d.address}'s parameter group does not set ${tls.name} = ${tls.on[0]}`,
          path: ["parameter_group_name"],
        }];
      });
    },
  },
];

export const elasticacheRules: readonly Rule[] = [
  {
    id: "NOROS-ECACHE-001",
    title: "ElastiCache replication groups are encrypted at rest",
    rationale: "Cached data and its backups are unreadable outside the account's keys.",
    control: securityHub("ElastiCache.4"),
    resourceTypes: ["aws_elasticache_replication_group"],
    check(view) {
      return groups(view).flatMap((g): Finding[] =>
        bool(g.body.at_rest_encryption_enabled) === true ? [] : [{ address: g.address, message: `${g.address} does not set at_rest_encryption_enabled = true`, path: ["at_rest_encryption_enabled"] }],
      );
    },
  },
  {
    id: "NOROS-ECACHE-002",
    title: "ElastiCache replication groups encrypt traffic in transit",
    rationale: "TLS between clients and nodes keeps cached data and AUTH tokens off the wire in clear text.",
    control: securityHub("ElastiCache.5"),
    resourceTypes: ["aws_elasticache_replication_group"],
    check(view) {
      return groups(view).flatMap((g): Finding[] =>
        bool(g.body.transit_encryption_enabled) === true ? [] : [{ address: g.address, message: `${g.address} does not set transit_encryption_enabled = true`, path: ["transit_encryption_enabled"] }],
      );
    },
  },
  {
    id: "NOROS-ECACHE-003",
    title: "ElastiCache replication groups require authentication",
    rationale: "Without an AUTH token or RBAC user group, anything that reaches the port reads and writes every key.",
    control: securityHub("ElastiCache.6"),
    resourceTypes: ["aws_elasticache_replication_group"],
    check(view) {
      return groups(view).flatMap((g): Finding[] => {
        const token = typeof g.body.auth_token === "string" && g.body.auth_token !== "";
        const users = Array.isArray(g.body.user_group_ids) && g.body.user_group_ids.length > 0;
        return token || users ? [] : [{ address: g.address, message: `${g.address} sets neither auth_token nor user_group_ids`, path: ["auth_token"] }];
      });
    },
  },
];
