import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileData, dataProblems, NET } from "./helpers/data-system.js";

const db = (props = "", resources = "") => `${NET}
const web = host("web", { network: main });
const pw = secret("app-password", { generate: {} });
const api = service("api", { source: "./app", runtime: "static", port: 8080, healthCheck: { path: "/health" }, run: { on: "ecs", network: main } });
const app = database("app", { network: main, databaseName: "shop", appUser: { name: "shop", password: pw.value }, clients: [web, api]${props} });
export default system("x", { region: "eu-central-1", resources: [main, web, api, app, pw${resources}], outputs: { db: text\`postgres://\${app.endpoint}:\${app.port}/\${app.databaseName}\` } });`;

describe("database", () => {
  it("is RDS PostgreSQL in the private subnets: encrypted, not public, RDS-managed master password, backups, deletion protection", () => {
    const { doc } = compileData(db());
    expect(doc.resource.aws_db_instance?.app).toMatchObject({
      engine: "postgres",
      engine_version: "17",
      instance_class: "db.t4g.micro",
      storage_encrypted: true,
      publicly_accessible: false,
      manage_master_user_password: true,
      username: "dbadmin",
      port: 5432,
      backup_retention_period: 7,
      deletion_protection: true,
      skip_final_snapshot: false,
      final_snapshot_identifier: "${var.name_prefix}-app-final",
      db_subnet_group_name: "${aws_db_subnet_group.app.name}",
      parameter_group_name: "${aws_db_parameter_group.app.name}",
      vpc_security_group_ids: ["${aws_security_group.app_database.id}"],
    });
    expect(doc.resource.aws_db_instance?.app).not.toHaveProperty("password");
    expect(doc.resource.aws_db_subnet_group?.app?.subnet_ids).toEqual(["${aws_subnet.main_private_0.id}", "${aws_subnet.main_private_1.id}"]);
    expect(doc.resource.aws_db_parameter_group?.app).toMatchObject({ family: "postgres17", parameter: [{ name: "rds.force_ssl", value: "1", apply_method: "pending-reboot" }] });
  });

  it("admits 5432 only from its declared clients' security groups, and lets those clients out to it", () => {
    const { doc } = compileData(db());
    const ingress = Object.entries(doc.resource.aws_vpc_security_group_ingress_rule ?? {}).filter(([, r]) => r.security_group_id === "${aws_security_group.app_database.id}");
    expect(ingress.map(([, r]) => [r.referenced_security_group_id, r.from_port, r.to_port])).toEqual([
      ["${aws_security_group.api_service.id}", 5432, 5432],
      ["${aws_security_group.web.id}", 5432, 5432],
    ]);
    expect(ingress.every(([, r]) => r.cidr_ipv4 === undefined)).toBe(true);
    expect(doc.resource.aws_vpc_security_group_egress_rule?.web_to_app_tcp_5432).toMatchObject({ security_group_id: "${aws_security_group.web.id}", referenced_security_group_id: "${aws_security_group.app_database.id}", from_port: 5432, to_port: 5432 });
    expect(doc.resource.aws_vpc_security_group_egress_rule?.api_to_app_tcp_5432).toMatchObject({ security_group_id: "${aws_security_group.api_service.id}" });
    // The database's own group has no way out.
    expect(Object.values(doc.resource.aws_vpc_security_group_egress_rule ?? {}).some((r) => r.security_group_id === "${aws_security_group.app_database.id}")).toBe(false);
  });

  it("creates the database and its owner with the pinned postgresql provider, logged in as the master over TLS", () => {
    const { doc } = compileData(db());
    expect(doc.terraform.required_providers.postgresql).toEqual({ source: "cyrilgdn/postgresql", version: "1.26.0" });
    expect(doc.provider.postgresql).toEqual([
      {
        alias: "app",
        host: '${var.app_admin_host != "" ? var.app_admin_host : aws_db_instance.app.address}',
        port: "${var.app_admin_port}",
        database: "postgres",
        username: "${aws_db_instance.app.username}",
        password: '${jsondecode(data.aws_secretsmanager_secret_version.app_master.secret_string)["password"]}',
        sslmode: "require",
        superuser: false,
        connect_timeout: 30,
      },
    ]);
    expect(doc.data.aws_secretsmanager_secret_version?.app_master).toEqual({ secret_id: "${aws_db_instance.app.master_user_secret[0].secret_arn}" });
    expect(doc.resource.postgresql_role?.app_app).toMatchObject({ provider: "postgresql.app", name: "shop", login: true, password: "${random_password.app-password.result}" });
    expect(doc.resource.postgresql_database?.app).toMatchObject({ provider: "postgresql.app", name: "shop", owner: "${postgresql_role.app_app.name}" });
    expect(doc.variable.app_admin_host).toMatchObject({ type: "string", default: "" });
  });

  it("exposes endpoint, port and databaseName as references", () => {
    const { doc } = compileData(db());
    expect(doc.output.db?.value).toBe("postgres://${aws_db_instance.app.address}:${aws_db_instance.app.port}/${postgresql_database.app.name}");
    expect(doc.output.app_endpoint?.value).toBe("${aws_db_instance.app.address}");
  });

  it("turns deletion protection off only with a reason, and then keeps no final snapshot", () => {
    const { doc } = compileData(db(', deletionProtection: { off: "a throwaway test database" }'));
    expect(doc.resource.aws_db_instance?.app).toMatchObject({ deletion_protection: false, skip_final_snapshot: true });
    expect(doc.resource.aws_db_instance?.app).not.toHaveProperty("final_snapshot_identifier");
    const off = dataProblems(db(", deletionProtection: false as never"));
    expect(off).toEqual([expect.stringMatching(/^NOROS2108 6:\d+ database "app": deletionProtection: deletion protection is turned off only with a reason/)]);
  });

  it("refuses bad identifiers, versions, sizes and retention with their own codes", () => {
    const problems = (props: string) => dataProblems(db(props));
    expect(problems(', engineVersion: "12"')).toEqual([expect.stringMatching(/^NOROS2112 /)]);
    expect(problems(', instanceClass: "t3.micro"')).toEqual([expect.stringMatching(/^NOROS2110 /)]);
    expect(problems(", storageGb: 5")).toEqual([expect.stringMatching(/^NOROS2111 /)]);
    expect(problems(", backupRetentionDays: 0")).toEqual([expect.stringMatching(/^NOROS2109 /)]);
    expect(dataProblems(db().replace('databaseName: "shop"', 'databaseName: "Shop-DB"'))).toEqual([expect.stringMatching(/^NOROS2107 6:\d+ .*"Shop-DB" is not a plain PostgreSQL identifier/)]);
    expect(dataProblems(db().replace('name: "shop"', 'name: "postgres"'))).toEqual([expect.stringMatching(/^NOROS2107 /)]);
  });

  it("needs a generated password (NOROS3071) and clients in its own network that run in the cloud (NOROS3072, NOROS3073)", () => {
    const existing = db().replace('secret("app-password", { generate: {} })', 'secret("app-password", { ssmParameter: "/x/pw" })');
    expect(dataProblems(existing)).toEqual([expect.stringMatching(/^NOROS3071 6:\d+ the application user's password of database "app" is the existing secret "app-password"/)]);
    const notSecret = db().replace("password: pw.value", "password: web.privateIp as never");
    expect(dataProblems(notSecret)).toEqual([expect.stringMatching(/^NOROS3071 .*refers to host "web" privateIp, which is not a secret/)]);
    const local = db().replace(', run: { on: "ecs", network: main }', "");
    expect(dataProblems(local)).toEqual([expect.stringMatching(/^NOROS3072 6:\d+ service "api" is a client of database "app" but does not run in the cloud/)]);
    const elsewhere = db()
      .replace('const web = host("web", { network: main });', 'const other = network("other", { cidr: "10.50.0.0/16", privateSubnets: ["10.50.10.0/24"] });\nconst web = host("web", { network: other });')
      ;
    expect(dataProblems(elsewhere)).toEqual([expect.stringMatching(/^NOROS3073 7:\d+ host "web" is in network "other", but database "app" is in network "main"/)]);
  });
});

describe("database clients", () => {
  it("may refer to the database they connect to: being a client is a permission, not a dependency", () => {
    const { doc } = compileData(`${NET}
const pw = secret("pw", { generate: {} });
const web = host("web", { network: main, environment: { DB_HOST: lazy(() => db.endpoint), DB_NAME: lazy(() => db.databaseName) } });
const db = database("db", { network: main, databaseName: "app", appUser: { name: "app", password: pw.value }, clients: [web] });
export default system("x", { region: "eu-central-1", resources: [main, web, db, pw] });`);
    expect(String((doc.locals as Record<string, unknown> | undefined)?.web_user_data)).toContain("${aws_db_instance.db.address}");
    expect(doc.resource.aws_vpc_security_group_ingress_rule?.db_from_web?.referenced_security_group_id).toBe("${aws_security_group.web.id}");
  });
});

describe("noros check", () => {
  it("lists a database whose deletion protection is off as a waiver, with its reason", async () => {
    const { runCli } = await import("./helpers/cli.js");
    const { dataSystem } = await import("./helpers/data-system.js");
    const file = dataSystem(db(', deletionProtection: { off: "a throwaway test database" }'));
    const run = await runCli(["check", file, "--json"], path.dirname(file));
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).waivers).toEqual([{ construct: "database app", property: "deletionProtection", at: "x.noros.ts:6:13", reason: "a throwaway test database" }]);
    const plain = await runCli(["check", file], path.dirname(file));
    expect(plain.stdout).toContain("waiver database app deletionProtection off at x.noros.ts:6:13 (a throwaway test database)");
  }, 60_000);
});
