/**
 * RDS PostgreSQL in the network's private subnets: encrypted storage, never publicly accessible, TLS
 * forced by its parameter group, the master password generated and kept by RDS in Secrets Manager
 * (never in Terraform), automated backups, deletion protection, and a security group that admits
 * port 5432 only from the declared clients. The database and its application user are created with
 * the cyrilgdn/postgresql provider, which logs in as the master user over TLS (see README: how
 * Terraform reaches the private endpoint).
 */
import type { GraphNode } from "../../../compiler/graph.js";
import type { TerraformDocument } from "../document.js";
import { interpolate } from "../expression.js";
import { localName, nameTag, physicalName } from "../naming.js";
import { pinnedProviders } from "../providers.js";
import { allowIngress, securityGroupOf } from "../security-groups.js";
import { subnetId } from "./network.js";
import { generatedValue } from "./secret.js";

export const POSTGRES_PORT = 5432;
/** The master user: RDS keeps its password; noros uses it only to create the database and its owner. */
export const MASTER_USER = "dbadmin";

export function lowerDatabase(node: GraphNode<"database">, tf: TerraformDocument, networks: ReadonlyMap<string, GraphNode<"network">>, secrets: ReadonlyMap<string, GraphNode<"secret">>): void {
  const n = node.name;
  const { props } = node;
  const network = networks.get(props.network.name) as GraphNode<"network">;

  tf.resource(
    "aws_db_subnet_group",
    n,
    { name: physicalName(n), description: `noros database ${n}: the private subnets of ${network.name}`, subnet_ids: network.props.privateSubnets.map((_c, i) => subnetId(network, "private", i)), tags: nameTag(n) },
    n,
  );
  tf.resource(
    "aws_db_parameter_group",
    n,
    {
      name: physicalName(n),
      family: `postgres${props.engineVersion}`,
      description: `noros database ${n}: TLS required`,
      // Clients that do not speak TLS are refused by the server itself, whatever they ask for.
      parameter: [{ name: "rds.force_ssl", value: "1", apply_method: "pending-reboot" }],
      tags: nameTag(n),
    },
    n,
  );

  const group = securityGroupOf("database", n);
  tf.resource("aws_security_group", localName(n, "database"), { name: physicalName(n, "database"), description: `noros database ${n}: PostgreSQL from its clients only`, vpc_id: interpolate(`aws_vpc.${network.name}.id`), tags: nameTag(n, "database") }, n);
  for (const client of props.clients) {
    // The client's matching egress comes with the rule (allowIngress gives a construct sender one).
    allowIngress(tf, { to: group, name: localName(n, "from", client.name), from: client, port: POSTGRES_PORT, protocol: "tcp", description: `PostgreSQL from ${client.kind} ${client.name}`, origin: n, receiver: { kind: "database", name: n } });
  }

  const protection = props.deletionProtection === true;
  tf.resource(
    "aws_db_instance",
    n,
    {
      identifier: physicalName(n),
      engine: "postgres",
      engine_version: props.engineVersion,
      auto_minor_version_upgrade: true,
      instance_class: props.instanceClass,
      allocated_storage: props.storageGb,
      storage_type: "gp3",
      storage_encrypted: true,
      username: MASTER_USER,
      manage_master_user_password: true,
      port: POSTGRES_PORT,
      db_subnet_group_name: interpolate(`aws_db_subnet_group.${n}.name`),
      parameter_group_name: interpolate(`aws_db_parameter_group.${n}.name`),
      vpc_security_group_ids: [interpolate(`${group}.id`)],
      publicly_accessible: false,
      multi_az: props.multiAz,
      ca_cert_identifier: "rds-ca-rsa2048-g1",
      backup_retention_period: props.backupRetentionDays,
      copy_tags_to_snapshot: true,
      deletion_protection: protection,
      // With protection on, destroying leaves a final snapshot; turned off (a throwaway), nothing stays.
      skip_final_snapshot: !protection,
      ...(protection ? { final_snapshot_identifier: physicalName(n, "final") } : {}),
      tags: nameTag(n),
    },
    n,
  );

  // The master password, read from the secret RDS manages, to log the postgresql provider in.
  tf.data("aws_secretsmanager_secret_version", localName(n, "master"), { secret_id: interpolate(`aws_db_instance.${n}.master_user_secret[0].secret_arn`) }, n);
  tf.variable(localName(n, "admin_host"), {
    type: "string",
    default: "",
    description: `Where Terraform reaches database ${n} (PostgreSQL, TLS): empty for its private endpoint (Terraform runs inside the VPC), or localhost with a Session Manager port forward (see README).`,
  });
  tf.variable(localName(n, "admin_port"), { type: "number", default: POSTGRES_PORT, description: `The port for ${localName(n, "admin_host")}: ${POSTGRES_PORT}, or the local port of the forward.` });
  tf.requireProvider("postgresql", pinnedProviders.postgresql);
  const provider = tf.providerAlias(
    "postgresql",
    n,
    {
      host: interpolate(`var.${localName(n, "admin_host")} != "" ? var.${localName(n, "admin_host")} : aws_db_instance.${n}.address`),
      port: interpolate(`var.${localName(n, "admin_port")}`),
      database: "postgres",
      username: interpolate(`aws_db_instance.${n}.username`),
      password: interpolate(`jsondecode(data.aws_secretsmanager_secret_version.${localName(n, "master")}.secret_string)["password"]`),
      sslmode: "require",
      // The RDS master user is not a superuser: the provider must not assume it is.
      superuser: false,
      connect_timeout: 30,
    },
    n,
  );

  const password = secrets.get(props.appUser.password.name) as GraphNode<"secret">;
  tf.resource(
    "postgresql_role",
    localName(n, "app"),
    { provider, name: props.appUser.name, login: true, password: generatedValue(password.name), connection_limit: -1 },
    n,
  );
  tf.resource(
    "postgresql_database",
    n,
    { provider, name: props.databaseName, owner: interpolate(`postgresql_role.${localName(n, "app")}.name`), encoding: "UTF8" },
    n,
  );
}
