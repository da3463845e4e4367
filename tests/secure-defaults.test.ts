import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { DiagnosticsError } from "../compiler/diagnostics/diagnostic.js";
import { writeSystem } from "./helpers/cli.js";
import { examples } from "./helpers/examples.js";

type Doc = { resource: Record<string, Record<string, Record<string, unknown>>>; data?: Record<string, Record<string, Record<string, unknown>>> };
type PolicyStatement = { sid: string; actions: string[]; principals?: Array<{ type: string; identifiers: string[] }>; condition?: Array<{ test: string; variable: string; values: string[] }> };

/**
 * What the DSL lets an author weaken is caught by the policy at the construct that weakened it; what
 * it generates by default passes every rule.
 */
describe("secure defaults", () => {
  it("every construct's defaults pass the whole policy", () => {
    const file = writeSystem({
      "defaults.noros.ts": [
        'import { bucket, group, host, logGroup, network, system, topic, user } from "noros";',
        'const net = network("net", { cidr: "10.0.0.0/16", privateSubnets: ["10.0.1.0/24"] });',
        'const alerts = topic("alerts");',
        'const web = host("web", { network: net, publishesTo: [alerts] });',
        'const admins = group("admins");',
        'const ops = user("ops", { groups: [admins] });',
        'const site = bucket("site", { restrictTo: net, readers: [web], writers: [admins] });',
        'const logs = logGroup("logs");',
        'export default system("defaults", { region: "eu-central-1", resources: [net, alerts, web, ops, site, logs] });',
        "",
      ].join("\n"),
    });
    const compiled = compile({ file, cwd: path.dirname(file), targets: ["terraform"] });
    expect(compiled.diagnostics).toEqual([]);
    const doc = JSON.parse(String(compiled.artefacts.find((a) => a.path === "terraform/main.tf.json")?.contents)) as Doc;
    // The instance launches from its template, which holds every setting.
    expect(doc.resource.aws_instance?.web).toMatchObject({ launch_template: { id: "${aws_launch_template.web.id}" } });
    expect(doc.resource.aws_launch_template?.web).toMatchObject({
      metadata_options: { http_tokens: "required", http_put_response_hop_limit: 1 },
      network_interfaces: [{ associate_public_ip_address: "false" }],
      block_device_mappings: [{ ebs: { encrypted: "true" } }],
    });
    expect(doc.resource.aws_launch_template?.web).not.toHaveProperty("key_name");
    expect(doc.resource.aws_cloudwatch_log_group?.logs?.retention_in_days).toBe(90);
    expect(doc.resource.aws_cloudwatch_log_group?.logs?.kms_key_id).toBe("${aws_kms_key.noros_logs.arn}");
    expect(doc.resource.aws_sns_topic?.alerts?.kms_master_key_id).toBe("alias/aws/sns");
  });

  it("the defaults of the constructs of the edge, data, functions, compute and cluster tiers pass it too", () => {
    const file = writeSystem({
      "tiers.noros.ts": [
        'import { alarm, cache, certificate, cluster, database, dnsZone, fn, host, hostGroup, httpApi, kmsKey, loadBalancer, network, parameter, secret, service, snapshots, system, topic, volume } from "noros";',
        'const net = network("net", { cidr: "10.0.0.0/16", publicSubnets: ["10.0.0.0/24", "10.0.1.0/24"], privateSubnets: ["10.0.10.0/24", "10.0.11.0/24"], natGateway: true });',
        'const ops = topic("ops");',
        'const key = kmsKey("secrets");',
        'const pw = secret("app-password", { generate: {}, kmsKey: key });',
        'const token = secret("cache-token", { generate: {} });',
        'const web = host("web", { network: net, notify: [ops] });',
        'const workers = hostGroup("workers", { network: net, min: 1, max: 2 });',
        'const data = volume("data", { host: web, sizeGb: 10 });',
        'const nightly = snapshots("nightly", { hosts: [web], time: "04:30" });',
        'const db = database("db", { network: net, databaseName: "app", appUser: { name: "app", password: pw.value }, clients: [web] });',
        'const sessions = cache("sessions", { on: "elasticache", network: net, authToken: token.value, clients: [web] });',
        'const cpu = alarm("cpu", { metric: { namespace: "AWS/EC2", name: "CPUUtilization", dimensions: { InstanceId: web.instanceId } }, comparison: ">=", threshold: 90, topics: [ops] });',
        'const mode = parameter("mode", { path: "/web/mode", value: "prod" });',
        'const tick = fn("tick", { source: "./src", runtime: "nodejs22.x", handler: "index.handler", triggers: { schedules: ["rate(5 minutes)"] } });',
        'const api = httpApi("api", { routes: { "GET /tick": tick } });',
        'const app = service("app", { source: "./app", runtime: "static", port: 8080, healthCheck: { path: "/index.html" }, run: { on: "ecs", network: net } });',
        'const zone = dnsZone("zone", { domain: "example.com", existing: true });',
        'const cert = certificate("cert", { domain: "app.example.com", zone });',
        'const lb = loadBalancer("lb", { network: net, certificate: cert, listeners: [{ port: 443, protocol: "https", forward: { to: [app] } }, { port: 80, protocol: "http" }] });',
        'const k8s = cluster("k8s", { network: net, nodeGroups: { main: {} } });',
        'export default system("tiers", { region: "eu-central-1", resources: [net, ops, key, pw, token, web, workers, data, nightly, db, sessions, cpu, mode, tick, api, app, zone, cert, lb, k8s] });',
        "",
      ].join("\n"),
    });
    const dir = path.dirname(file);
    mkdirSync(path.join(dir, "src"));
    writeFileSync(path.join(dir, "src", "index.mjs"), "export const handler = async () => ({ statusCode: 200 });\n");
    mkdirSync(path.join(dir, "app"));
    writeFileSync(path.join(dir, "app", "index.html"), "ok\n");
    const compiled = compile({ file, cwd: dir, targets: ["terraform"] });
    expect(compiled.diagnostics).toEqual([]);
    expect(compiled.policy.waivers).toEqual([]);
    const doc = JSON.parse(String(compiled.artefacts.find((a) => a.path === "terraform/main.tf.json")?.contents)) as Doc;
    // A sample of what the tiers' rules check, so that a change of default shows here by name.
    for (const type of ["aws_kms_key", "aws_db_instance", "aws_db_parameter_group", "aws_elasticache_replication_group", "aws_ebs_volume", "aws_autoscaling_group", "aws_lambda_function", "aws_apigatewayv2_route", "aws_apigatewayv2_stage", "aws_lb", "aws_lb_listener", "aws_acm_certificate", "aws_ecs_task_definition", "aws_eks_cluster", "aws_eks_node_group", "aws_cloudwatch_metric_alarm", "aws_dlm_lifecycle_policy"]) {
      expect(Object.keys(doc.resource[type] ?? {}), type).not.toEqual([]);
    }
    expect(doc.resource.aws_lb?.lb).toMatchObject({ drop_invalid_header_fields: true });
    expect(doc.resource.aws_lb_listener?.lb_http_80?.default_action).toMatchObject([{ type: "redirect", redirect: [{ protocol: "HTTPS" }] }]);
    expect(doc.resource.aws_db_instance?.db).toMatchObject({ storage_encrypted: true, publicly_accessible: false, manage_master_user_password: true });
    expect(doc.resource.aws_elasticache_replication_group?.sessions).toMatchObject({ at_rest_encryption_enabled: true, transit_encryption_enabled: true });
    expect(doc.resource.aws_apigatewayv2_route?.api_route_0).toMatchObject({ authorization_type: "AWS_IAM" });
    for (const k of Object.values(doc.resource.aws_kms_key ?? {})) expect(k.enable_key_rotation).toBe(true);
  });

  it("what an author opens up is a violation at that construct", () => {
    const file = writeSystem({
      "opened.noros.ts": [
        'import { host, network, system } from "noros";',
        'const net = network("net", { cidr: "10.0.0.0/16", privateSubnets: ["10.0.1.0/24"] });',
        'const a = host("ssh-inside", { network: net, ingress: [{ port: 22, from: "10.0.0.0/16" }] });',
        'const b = host("rdp-outside", { network: net, ingress: [{ port: 3389, from: "0.0.0.0/0" }] });',
        'const c = host("database", { network: net, ingress: [{ port: 5432, from: "0.0.0.0/0" }] });',
        'const d = host("leaky", { network: net, environment: { API_TOKEN: "tok-123", MODE: "prod" } });',
        'export default system("opened", { region: "eu-central-1", resources: [net, a, b, c, d] });',
        "",
      ].join("\n"),
    });
    let found: string[] = [];
    try {
      compile({ file, cwd: path.dirname(file), targets: ["terraform"] });
    } catch (error) {
      if (!(error instanceof DiagnosticsError)) throw error;
      found = error.diagnostics.map((d) => `${d.line}:${d.col} ${d.code} ${/^(NOROS-[A-Z0-9]+-\d{3})/.exec(d.message)?.[1]}`);
    }
    expect(found).toEqual(["3:11 NOROS5001 NOROS-SG-004", "4:11 NOROS5001 NOROS-SG-001", "5:11 NOROS5001 NOROS-SG-002", "6:11 NOROS5001 NOROS-EC2-010"]);
  });

  it.each(examples().map((e) => [e.name, e] as const))("%s: every log group is encrypted with the system's logs key, which only CloudWatch Logs of this account uses", (_name, example) => {
    const compiled = compile({ file: example.file, cwd: example.dir, targets: ["terraform"] });
    const doc = JSON.parse(String(compiled.artefacts.find((a) => a.path === "terraform/main.tf.json")?.contents)) as Doc;
    const groups = Object.entries(doc.resource.aws_cloudwatch_log_group ?? {});
    const key = doc.resource.aws_kms_key?.noros_logs;
    if (groups.length === 0) {
      // No log group, no key.
      expect(key).toBeUndefined();
      expect(doc.resource.aws_kms_alias?.noros_logs).toBeUndefined();
      return;
    }
    for (const [name, group] of groups) expect(group.kms_key_id, name).toBe("${aws_kms_key.noros_logs.arn}");
    expect(key).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30, policy: "${data.aws_iam_policy_document.noros_logs.json}" });
    expect(doc.resource.aws_kms_alias?.noros_logs).toEqual({ name: "alias/${var.name_prefix}/logs", target_key_id: "${aws_kms_key.noros_logs.key_id}" });

    const statements = (doc.data?.aws_iam_policy_document?.noros_logs?.statement ?? []) as PolicyStatement[];
    expect(statements.map((s) => s.sid)).toEqual(["AccountAdministers", "CloudWatchLogsEncryptsLogGroups"]);
    const [admin, logs] = statements as [PolicyStatement, PolicyStatement];
    // Administration without use: never kms:*, never Encrypt or Decrypt.
    expect(admin.actions).not.toContain("kms:*");
    expect(admin.actions.filter((a) => /^kms:(Encrypt|Decrypt|ReEncrypt|GenerateDataKey)/.test(a))).toEqual([]);
    expect(admin.principals).toEqual([{ type: "AWS", identifiers: ["arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"] }]);
    const region = (JSON.parse(String(compiled.artefacts.find((a) => a.path === "terraform/main.tf.json")?.contents)) as { provider: { aws: { region: string } } }).provider.aws.region;
    expect(logs.principals).toEqual([{ type: "Service", identifiers: [`logs.${region}.amazonaws.com`] }]);
    expect(logs.actions).toEqual(["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]);
    expect(logs.condition).toEqual([
      {
        test: "ArnLike",
        variable: "kms:EncryptionContext:aws:logs:arn",
        values: [`arn:\${data.aws_partition.current.partition}:logs:${region}:\${data.aws_caller_identity.current.account_id}:log-group:*`],
      },
    ]);
  });
});
