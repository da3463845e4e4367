import { describe, expect, it } from "vitest";
import { compileData, dataProblems, NET } from "./helpers/data-system.js";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { hasNix } from "./helpers/nix.js";
import { compile } from "../compiler/compile.js";
import { examples } from "./helpers/examples.js";

const cacheSystem = (on: string, props = "") => `${NET}
const web = host("web", { network: main });
const worker = host("worker", { network: main });
const token = secret("sessions-auth", { generate: {} });
const sessions = cache("sessions", { on: ${on}, network: main, authToken: token.value, clients: [worker, web]${props} });
export default system("x", { region: "eu-central-1", resources: [main, web, worker, sessions, token], outputs: { redis: text\`rediss://\${sessions.endpoint}:\${sessions.port}\` } });`;

describe("cache on ElastiCache", () => {
  const { doc, files } = compileData(cacheSystem('"elasticache"'));

  it("is a replication group encrypted at rest and in transit (TLS required), AUTH from the generated secret", () => {
    expect(doc.resource.aws_elasticache_replication_group?.sessions).toMatchObject({
      engine: "redis",
      at_rest_encryption_enabled: true,
      transit_encryption_enabled: true,
      transit_encryption_mode: "required",
      auth_token: "${random_password.sessions-auth.result}",
      num_cache_clusters: 1,
      automatic_failover_enabled: false,
      port: 6379,
      subnet_group_name: "${aws_elasticache_subnet_group.sessions.name}",
      security_group_ids: ["${aws_security_group.sessions_cache.id}"],
    });
    expect(doc.resource.aws_elasticache_subnet_group?.sessions?.subnet_ids).toEqual(["${aws_subnet.main_private_0.id}", "${aws_subnet.main_private_1.id}"]);
    expect(files.has("nix/web/configuration.nix") && files.get("nix/web/configuration.nix")?.includes("redis")).toBe(false);
  });

  it("admits its port only from the clients' security groups", () => {
    const ingress = Object.values(doc.resource.aws_vpc_security_group_ingress_rule ?? {}).filter((r) => r.security_group_id === "${aws_security_group.sessions_cache.id}");
    expect(ingress.map((r) => r.referenced_security_group_id).sort()).toEqual(["${aws_security_group.web.id}", "${aws_security_group.worker.id}"]);
    expect(ingress.every((r) => r.from_port === 6379 && r.to_port === 6379 && r.cidr_ipv4 === undefined)).toBe(true);
    expect(doc.resource.aws_vpc_security_group_egress_rule?.worker_to_sessions_tcp_6379).toMatchObject({ referenced_security_group_id: "${aws_security_group.sessions_cache.id}", from_port: 6379 });
  });

  it("hides where it runs behind endpoint and port", () => {
    expect(doc.output.redis?.value).toBe("rediss://${local.sessions_cache_endpoint}:${local.sessions_cache_port}");
    expect(doc.locals.sessions_cache_endpoint).toBe("${aws_elasticache_replication_group.sessions.primary_endpoint_address}");
  });

  it("fails over automatically once it has replicas", () => {
    const replicated = compileData(cacheSystem('"elasticache"', ", replicas: 1")).doc;
    expect(replicated.resource.aws_elasticache_replication_group?.sessions).toMatchObject({ num_cache_clusters: 2, automatic_failover_enabled: true, multi_az_enabled: true });
  });
});

describe("cache on a NixOS host", () => {
  const { doc, files } = compileData(cacheSystem("{ host: web }"));
  const nix = files.get("nix/web/configuration.nix") as string;

  it("is services.redis.servers.<name> with requirePassFile under /run, the token fetched at boot before Redis starts", () => {
    expect(nix).toContain("services.redis.servers.sessions = {");
    expect(nix).toContain('requirePassFile = "/run/noros/secrets/cache-sessions";');
    expect(nix).toContain("openFirewall = true;");
    expect(nix).toContain('aws secretsmanager get-secret-value --region eu-central-1 --secret-id "$NOROS_CACHE_SESSIONS_AUTH_ARN"');
    expect(nix).toMatch(/systemd\.services\.redis-sessions = \{\s*requires = \[ "noros-cache-sessions-auth\.service" \];/);
    if (hasNix) execFileSync("nix-instantiate", ["--parse", "-E", nix], { stdio: "pipe" });
    // No ElastiCache, and the token's ARN reaches the host through its user data, not the configuration.
    expect(doc.resource).not.toHaveProperty("aws_elasticache_replication_group");
    expect(String((doc.locals as Record<string, unknown> | undefined)?.web_user_data)).toContain("NOROS_CACHE_SESSIONS_AUTH_ARN='${replace(\"${local.sessions-auth_secret_arn}\"");
  });

  it("gives the host read access to exactly that token, and admits clients into the host's group", () => {
    const grants = (doc.data.aws_iam_policy_document?.web_grants as { statement: Array<{ actions: string[]; resources: string[] }> }).statement;
    expect(grants).toEqual([expect.objectContaining({ actions: ["secretsmanager:GetSecretValue"], resources: ["${local.sessions-auth_secret_arn}"] })]);
    const ingress = Object.entries(doc.resource.aws_vpc_security_group_ingress_rule ?? {}).filter(([, r]) => r.security_group_id === "${aws_security_group.web.id}");
    // The worker comes in; the host itself talks to its own Redis over loopback, no rule.
    expect(ingress.map(([, r]) => r.referenced_security_group_id)).toEqual(["${aws_security_group.worker.id}"]);
    expect(doc.locals.sessions_cache_endpoint).toBe("${aws_instance.web.private_ip}");
  });

  it("needs a NixOS host (NOROS3074), distinct ports (NOROS3075), the host's network (NOROS3073) and a generated token (NOROS3071)", () => {
    expect(dataProblems(cacheSystem("{ host: web }").replace('host("web", { network: main })', 'host("web", { network: main, os: { ami: "ami-0123456789abcdef0" } })'))).toEqual([
      expect.stringMatching(/^NOROS3074 6:\d+ cache "sessions" runs on host "web", which does not run NixOS/),
    ]);
    const twice = cacheSystem("{ host: web }").replace("export default", 'const more = cache("more", { on: { host: web }, authToken: token.value });\nexport default').replace("resources: [main,", "resources: [more, main,");
    expect(dataProblems(twice)).toEqual([expect.stringMatching(/^NOROS3075 6:\d+ caches "more" and "sessions" both listen on port 6379 of host "web"/)]);
    const other = cacheSystem("{ host: web }").replace("network: main, authToken", "network: lazy(() => net2), authToken").replace("export default", 'const net2 = network("net2", { cidr: "10.60.0.0/16", privateSubnets: ["10.60.1.0/24"] });\nexport default');
    expect(dataProblems(other)).toEqual([expect.stringMatching(/^NOROS3073 6:\d+ cache "sessions" is given network "net2", but its host "web" is in network "main"/)]);
    const existing = cacheSystem('"elasticache"').replace("{ generate: {} }", '{ secretsManager: "x/token" }');
    expect(dataProblems(existing)).toEqual([expect.stringMatching(/^NOROS3071 6:\d+ the auth token of cache "sessions" is the existing secret/)]);
  });

  it("needs a network on ElastiCache (NOROS2009) and a known node type (NOROS2110)", () => {
    expect(dataProblems(cacheSystem('"elasticache"').replace("network: main, authToken", "authToken"))).toEqual([expect.stringMatching(/^NOROS2009 6:\d+ .*needs a network/)]);
    expect(dataProblems(cacheSystem('"elasticache"', ', nodeType: "t4g.micro"'))).toEqual([expect.stringMatching(/^NOROS2110 /)]);
  });
});

/**
 * S0.6 in the examples: bucket-host and bucket-host-elasticache are one function of `on`. Apart from
 * the system's name, the second adds exactly the replication group, its subnet group and security
 * group and the reader's way in; nothing is removed, the principals' grants are the same, and of
 * the NixOS configurations only the reader's loses Redis and its token fetch.
 */
describe("the two values of `on` in the bucket-host examples", () => {
  const [onHost, onElastiCache] = ["bucket-host", "bucket-host-elasticache"].map((name) => {
    const example = examples().find((e) => e.name === name);
    if (!example) throw new Error(`${name} example missing`);
    const { artefacts } = compile({ file: example.file, cwd: path.dirname(example.file) });
    // The second's name (and so its default name prefix) is the one other difference: written as the first's.
    return new Map(artefacts.map((a) => [a.path, String(a.contents).replaceAll("bucket-host-elasticache", "bucket-host")]));
  }) as [Map<string, string>, Map<string, string>];
  type Doc = { resource: Record<string, Record<string, unknown>>; data: Record<string, Record<string, unknown>> };
  const terraform = (files: Map<string, string>) => JSON.parse(files.get("terraform/main.tf.json") ?? "{}") as Doc;
  const addresses = (doc: Doc) => Object.entries(doc.resource).flatMap(([type, byName]) => Object.keys(byName).map((name) => `${type}.${name}`)).sort();

  it("adds the replication group and its network, removes nothing", () => {
    const before = new Set(addresses(terraform(onHost)));
    const after = addresses(terraform(onElastiCache));
    expect([...before].filter((a) => !after.includes(a))).toEqual([]);
    expect(after.filter((a) => !before.has(a))).toEqual([
      "aws_elasticache_replication_group.sessions",
      "aws_elasticache_subnet_group.sessions",
      "aws_security_group.sessions_cache",
      "aws_vpc_security_group_egress_rule.reader_to_sessions_tcp_6379",
      "aws_vpc_security_group_ingress_rule.sessions_from_reader",
    ]);
  });

  it("grants the same: the reader reads the token as the cache's client either way", () => {
    expect(terraform(onElastiCache).data.aws_iam_policy_document).toEqual(terraform(onHost).data.aws_iam_policy_document);
  });

  it("changes only the reader's NixOS configuration, by its Redis server and token fetch", () => {
    expect(onElastiCache.get("nix/consul-host/configuration.nix")).toBe(onHost.get("nix/consul-host/configuration.nix"));
    const reader = onHost.get("nix/reader/configuration.nix") ?? "";
    expect(reader).toContain("services.redis.servers.sessions");
    const withoutRedis = reader.replace(/  services\.redis\.servers\.sessions = \{[\s\S]*?\n  systemd\.services\.redis-sessions = \{\n[^}]*\n  \};\n/, "");
    expect(withoutRedis).not.toBe(reader);
    expect(onElastiCache.get("nix/reader/configuration.nix")).toBe(withoutRedis);
  });
});
