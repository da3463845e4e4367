import { execFileSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DockerfileParser } from "dockerfile-ast";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { compile, type Compiled } from "../compiler/compile.js";
import { DiagnosticsError, type Diagnostic } from "../compiler/diagnostics/diagnostic.js";
import { writeOutput } from "../compiler/emit/write-output.js";
import { DEBIAN_BASE_IMAGE } from "../targets/docker/runtime.js";
import { repoRoot, runCli, tempDir } from "./helpers/cli.js";
import { hasNix } from "./helpers/nix.js";

/** Writes files (paths may have directories; a value of null makes a directory) and returns the entry's path. */
function project(files: Readonly<Record<string, string>>): string {
  const dir = tempDir("noros-docker-");
  for (const [name, contents] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, contents);
  }
  return path.join(dir, Object.keys(files)[0] as string);
}

function system(serviceProps: string, imports = "service, system"): string {
  return `import { ${imports} } from "noros";
const web = service("web", ${serviceProps});
export default system("shop", { region: "eu-central-1", resources: [web] });
`;
}

function compiled(files: Readonly<Record<string, string>>, options: { skipTests?: boolean } = {}): Compiled {
  const file = project(files);
  return compile({ file, cwd: path.dirname(file), ...options });
}

function problems(files: Readonly<Record<string, string>>): Diagnostic[] {
  try {
    compiled(files);
  } catch (error) {
    if (error instanceof DiagnosticsError) return [...error.diagnostics];
    throw error;
  }
  throw new Error("expected diagnostics");
}

const text = (c: Compiled, p: string) => {
  const a = c.artefacts.find((x) => x.path === p);
  if (!a) throw new Error(`no artefact ${p}: ${c.artefacts.map((x) => x.path).join(", ")}`);
  return Buffer.from(a.contents).toString("utf8");
};

/** Every instruction as [keyword, arguments text], for order and content checks. */
function instructions(dockerfile: string): Array<[string, string]> {
  return DockerfileParser.parse(dockerfile)
    .getInstructions()
    .map((i) => [i.getKeyword(), i.getArgumentsContent() ?? ""]);
}

const nodeApp = {
  "app/server.js": "require('http').createServer((q, s) => s.end('ok')).listen(process.env.PORT, process.env.HOST);\n",
  "app/test/server.test.js": "require('node:test')('works', () => {});\n",
};

describe("docker target", () => {
  const c = compiled({
    "shop.noros.ts": system(`{ source: "./app", runtime: "node", port: 3000, healthCheck: { path: "/health" }, test: ["node", "--test"], environment: { GREETING: "hi $USER", MODE: text\`fast\` } }`, "service, system, text"),
    ...nodeApp,
    "app/bin/run.sh": "#!/bin/sh\nexec node server.js\n",
    "app/node_modules/left-pad/index.js": "never copied\n",
    "app/.env": "SECRET=never copied\n",
  });
  const dockerfile = text(c, "docker/web/Dockerfile");
  const ins = instructions(dockerfile);

  it("emits a self-contained build context, the push script and the workflow", () => {
    expect(c.artefacts.map((a) => a.path).filter((p) => !p.startsWith("terraform/") && p !== "manifest.json").sort()).toEqual([
      ".github/workflows/build-push.yml",
      "docker/push.sh",
      "docker/web/.dockerignore",
      "docker/web/Dockerfile",
      "docker/web/context/bin/run.sh",
      "docker/web/context/server.js",
      "docker/web/context/test/server.test.js",
    ]);
    expect(text(c, "docker/web/context/server.js")).toBe(nodeApp["app/server.js"]);
  });

  it("starts from a pinned public base that a build can replace", () => {
    expect(DEBIAN_BASE_IMAGE).toMatch(/^docker\.io\/library\/debian:bookworm-slim@sha256:[0-9a-f]{64}$/);
    expect(ins[0]).toEqual(["ARG", `BASE_IMAGE="${DEBIAN_BASE_IMAGE}"`]);
    expect(ins.filter(([k]) => k === "FROM").map(([, a]) => a)).toEqual(["${BASE_IMAGE} AS base", "base AS test", "base AS app"]);
  });

  it("installs the runtime from Debian packages and runs as a non-root user", () => {
    expect(dockerfile).toContain("apt-get install -y --no-install-recommends ca-certificates nodejs tini");
    expect(ins.filter(([k]) => k === "USER").map(([, a]) => a)).toEqual(["10001:10001", "10001:10001"]);
    expect(ins.at(-1)).toEqual(["CMD", '["node", "server.js"]']);
    expect(ins.at(-2)).toEqual(["ENTRYPOINT", '["/usr/bin/tini", "-s", "--"]']);
  });

  it("runs the tests in their own stage, as the app user, and makes the image depend on them", () => {
    const test = dockerfile.slice(dockerfile.indexOf("AS test"), dockerfile.indexOf("AS app"));
    expect(test).toContain("COPY --chown=10001:10001 context/ /app/");
    expect(test).toContain('RUN ["node", "--test"]');
    expect(test.indexOf("USER 10001:10001")).toBeLessThan(test.indexOf('RUN ["node", "--test"]'));
    expect(dockerfile).toContain("COPY --from=test /tmp/noros-tests-passed /usr/share/noros/tests-passed");
  });

  it("leaves the test stage out with --no-test", () => {
    const untested = compiled({ "shop.noros.ts": system(`{ source: "./app", runtime: "node", port: 3000, healthCheck: { path: "/health" }, test: ["node", "--test"] }`), ...nodeApp }, { skipTests: true });
    const d = text(untested, "docker/web/Dockerfile");
    expect(d).not.toContain("AS test");
    expect(d).not.toContain("--test");
    expect(d).toContain("# The test stage was left out (--no-test).");
  });

  it("has an exec-form health check that needs only the runtime, and bakes in literal environment only", () => {
    const hc = dockerfile.split("\n").find((l) => l.startsWith("HEALTHCHECK ")) ?? "";
    expect(hc).toMatch(/^HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD \["node", "-e", /);
    expect(hc).toContain('path:\\"/health\\"');
    expect(dockerfile).toContain('ENV GREETING="hi \\$USER" HOST="0.0.0.0" MODE="fast" NODE_ENV="production" PORT="3000"');
  });

  it("labels the image with deterministic OCI annotations", () => {
    const label = ins.find(([k]) => k === "LABEL")?.[1] ?? "";
    expect(label).toContain('org.opencontainers.image.title="web"');
    expect(label).toContain('org.opencontainers.image.source="app"');
    expect(label).toMatch(/org\.opencontainers\.image\.revision="sha256:[0-9a-f]{64}"/);
    expect(label).toContain('io.noros.system="shop"');
  });

  it("restores executable bits that the output directory does not keep", () => {
    const dir = tempDir("noros-exec-");
    const file = path.join(dir, "shop.noros.ts");
    writeFileSync(file, system(`{ source: "./app", runtime: "node", port: 3000, healthCheck: { path: "/health" } }`));
    mkdirSync(path.join(dir, "app"));
    writeFileSync(path.join(dir, "app", "server.js"), "");
    writeFileSync(path.join(dir, "app", "start"), "#!/bin/sh\n");
    chmodSync(path.join(dir, "app", "start"), 0o755);
    const d = text(compile({ file, cwd: dir }), "docker/web/Dockerfile");
    expect(d).toContain('RUN ["chmod", "0755", "/app/start"]');
  });

  it("writes a .dockerignore without the recipe and the usual junk", () => {
    const ignore = text(c, "docker/web/.dockerignore").split("\n");
    expect(ignore).toEqual(expect.arrayContaining(["Dockerfile", "**/node_modules", "**/.git", "**/.env", "**/*.log"]));
  });

  it("is one stage when nothing is built or tested", () => {
    const s = compiled({ "shop.noros.ts": system(`{ source: "./site", runtime: "static", port: 8080, healthCheck: { path: "/" } }`), "site/index.html": "<p>hi</p>\n" });
    const d = instructions(text(s, "docker/web/Dockerfile"));
    expect(d.filter(([k]) => k === "FROM").map(([, a]) => a)).toEqual(["${BASE_IMAGE} AS app"]);
    expect(d.find(([k]) => k === "HEALTHCHECK")?.[1]).toContain("busybox wget");
  });

  it("installs locked node dependencies in a deps stage and copies only them", () => {
    const s = compiled({
      "shop.noros.ts": system(`{ source: "./app", runtime: "node", port: 3000, healthCheck: { path: "/health" }, test: ["npm", "test"] }`),
      ...nodeApp,
      "app/package.json": JSON.stringify({ dependencies: { express: "4.21.2" } }),
      "app/package-lock.json": "{}",
    });
    const d = text(s, "docker/web/Dockerfile");
    expect(instructions(d).filter(([k]) => k === "FROM").map(([, a]) => a)).toEqual(["${BASE_IMAGE} AS base", "base AS deps", "deps AS test", "base AS app"]);
    expect(d).toContain('RUN ["npm", "ci", "--omit=dev", "--no-audit", "--no-fund"]');
    expect(d).toContain("COPY --from=deps /app/node_modules /app/node_modules");
  });

  it("installs python requirements into a virtual environment", () => {
    const s = compiled({
      "shop.noros.ts": system(`{ source: "./app", runtime: "python", port: 8000, healthCheck: { path: "/healthz" } }`),
      "app/app.py": "print('hi')\n",
      "app/requirements.txt": "flask==3.1.0\n",
    });
    const d = text(s, "docker/web/Dockerfile");
    expect(d).toContain('RUN ["python3", "-m", "venv", "/opt/venv"]');
    expect(d).toContain("COPY --from=deps /opt/venv /opt/venv");
    expect(d).toContain('PATH="/opt/venv/bin:');
    expect(d).toContain("urllib.request.urlopen");
    expect(d).toContain('CMD ["python3", "app.py"]');
  });

  it("copies the source into a given image pinned by digest, with the author's probe", () => {
    const image = "docker.io/library/nginx:1.27@sha256:" + "a".repeat(64);
    const s = compiled({
      "shop.noros.ts": system(`{ source: "./site", runtime: { image: "${image}" }, command: ["nginx", "-g", "daemon off;"], port: 8080, healthCheck: { path: "/", command: ["wget", "-q", "-O-", "http://127.0.0.1:8080/"] } }`),
      "site/index.html": "hi\n",
    });
    const d = text(s, "docker/web/Dockerfile");
    expect(d).toContain(`ARG BASE_IMAGE="${image}"`);
    expect(d).not.toContain("apt-get");
    expect(d).toContain('HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD ["wget", "-q", "-O-", "http://127.0.0.1:8080/"]');
    expect(d).toContain("USER 10001:10001");
  });

  it("is deterministic", () => {
    const files = { "shop.noros.ts": system(`{ source: "./app", runtime: "node", port: 3000, healthCheck: { path: "/health" } }`), ...nodeApp };
    const a = compiled(files).artefacts;
    const b = compiled(files).artefacts;
    expect(a.map((x) => [x.path, Buffer.from(x.contents).toString("base64")])).toEqual(b.map((x) => [x.path, Buffer.from(x.contents).toString("base64")]));
  });

  it("writes a push script that the shell accepts and that knows every service", () => {
    const script = text(c, "docker/push.sh");
    expect(() => execFileSync("sh", ["-n", "-c", script])).not.toThrow();
    expect(script).toMatch(/^ {4}web\) push web [0-9a-f]{16} dockerfile ;;$/m);
    expect(script).toContain("terraform -chdir=\"$terraform_dir\" output -raw \"${service}_repository_url\"");
    expect(script).toContain("region=eu-central-1");
  });

  it("runs push.sh end to end against stand-ins for terraform, aws and docker", () => {
    const out = tempDir("noros-push-");
    writeOutput(path.join(out, "out"), c.artefacts);
    const bin = path.join(out, "bin");
    mkdirSync(bin);
    const calls = path.join(out, "calls.log");
    const stub = (name: string, body: string) => {
      writeFileSync(path.join(bin, name), `#!/bin/sh\necho "${name} $*" >> ${JSON.stringify(calls)}\n${body}\n`);
      chmodSync(path.join(bin, name), 0o755);
    };
    stub("terraform", 'echo "123456789012.dkr.ecr.eu-central-1.amazonaws.com/shop-$4"');
    stub("aws", "echo password");
    stub("docker", "cat > /dev/null 2>&1 || true");
    const script = path.join(out, "out", "docker", "push.sh");
    const stdout = execFileSync(script, [], { encoding: "utf8", env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ""}` } });
    const tag = /web\) push web ([0-9a-f]{16})/.exec(text(c, "docker/push.sh"))?.[1] as string;
    const repo = "123456789012.dkr.ecr.eu-central-1.amazonaws.com/shop-web_repository_url";
    expect(stdout).toBe(`pushed ${repo}:${tag}\n`);
    const log = readFileSync(calls, "utf8").split("\n").filter(Boolean);
    // The two sides of the login pipe run at once, in either order.
    expect(log.slice(1, 3).sort()).toEqual(["aws ecr get-login-password --region eu-central-1", "docker login --username AWS --password-stdin 123456789012.dkr.ecr.eu-central-1.amazonaws.com"]);
    expect([log[0], ...log.slice(3)]).toEqual([
      `terraform -chdir=${path.join(out, "out", "docker")}/../terraform output -raw web_repository_url`,
      `docker build --tag ${repo}:${tag} ${path.join(out, "out", "docker")}/web`,
      `docker push ${repo}:${tag}`,
    ]);
    expect(() => execFileSync(script, ["nope"], { stdio: "pipe", env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ""}` } })).toThrow(/no service nope \(services: web\)/);
  });

  it("writes a GitHub workflow that compiles, logs in by OIDC and pushes", () => {
    const wf = parseYaml(text(c, ".github/workflows/build-push.yml")) as { permissions: Record<string, string>; jobs: Record<string, { steps: Array<{ run?: string; uses?: string }> }> };
    expect(wf.permissions["id-token"]).toBe("write");
    const steps = wf.jobs["build-push"]?.steps ?? [];
    expect(steps.map((s) => s.run ?? s.uses)).toEqual([
      "actions/checkout@v4",
      "actions/setup-node@v4",
      "npm ci",
      "npx noros compile shop.noros.ts -o out",
      "aws-actions/configure-aws-credentials@v4",
      "hashicorp/setup-terraform@v3",
      "terraform -chdir=out/terraform init -input=false",
      "out/docker/push.sh",
    ]);
  });
});

describe.skipIf(!hasNix)("docker target: build \"nix\"", () => {
  const c = compiled({
    "shop.noros.ts": system(`{ source: "./app", runtime: "node", port: 3000, healthCheck: { path: "/health" }, build: "nix", environment: { GREETING: 'say "hi" \${x}' } }`),
    ...nodeApp,
  });
  const nixText = text(c, "docker/web/image.nix");
  const dir = tempDir("noros-image-nix-");
  writeFileSync(path.join(dir, "image.nix"), nixText);
  mkdirSync(path.join(dir, "context"));
  writeFileSync(path.join(dir, "context", "server.js"), "");

  it("emits image.nix that parses", () => {
    expect(() => execFileSync("nix-instantiate", ["--parse", path.join(dir, "image.nix")], { stdio: "pipe" })).not.toThrow();
  });

  it("evaluates to a buildLayeredImage call with the runtime, user, command, environment and health check", () => {
    // A stand-in dockerTools returns its argument, so the call can be checked without nixpkgs.
    const expr = `let f = import ${path.join(dir, "image.nix")}; in f { dockerTools = { buildLayeredImage = a: a; }; nodejs = "NODEJS"; tini = "TINI"; src = "SRC"; }`;
    const out = execFileSync("nix-instantiate", ["--eval", "--strict", "--json", "--readonly-mode", "-E", expr], { encoding: "utf8", stdio: "pipe" });
    const image = JSON.parse(out) as { name: string; contents: string[]; extraCommands: string; config: Record<string, unknown> };
    expect(image.name).toBe("web");
    expect(image.contents).toEqual(["NODEJS", "TINI"]);
    expect(image.extraCommands).toContain("cp -r SRC/. app/");
    expect(image.config).toMatchObject({
      User: "10001:10001",
      WorkingDir: "/app",
      Cmd: ["node", "server.js"],
      Entrypoint: ["/bin/tini", "-s", "--"],
      ExposedPorts: { "3000/tcp": {} },
    });
    expect(image.config.Env).toContain('GREETING=say "hi" ${x}');
    expect((image.config.Healthcheck as { Test: string[] }).Test.slice(0, 3)).toEqual(["CMD", "node", "-e"]);
    expect((image.config.Labels as Record<string, string>)["io.noros.service"]).toBe("web");
  });

  it("still emits the Dockerfile (the local tier builds that) and pushes the Nix image", () => {
    expect(text(c, "docker/web/Dockerfile")).toContain("FROM ${BASE_IMAGE}");
    expect(text(c, "docker/push.sh")).toMatch(/web\) push web [0-9a-f]{16} nix ;;/);
  });
});

describe("docker target: Nix images from the pinned nixpkgs", () => {
  const nixService = `{ source: "./app", runtime: "node", port: 3000, healthCheck: { path: "/health" }, build: "nix" }`;
  const pinned = (rev: string) =>
    compiled({ "shop.noros.ts": system(nixService).replace(`resources: [web]`, `resources: [web], nixpkgs: { rev: "${rev}" }`), ...nodeApp });
  const a = pinned("a".repeat(40));
  const b = pinned("b".repeat(40));
  const tagOf = (c: Compiled) => /web\) push web ([0-9a-f]{16}) nix ;;/.exec(text(c, "docker/push.sh"))?.[1];

  it("builds with the system's nixpkgs commit, not a channel", () => {
    expect(text(a, "docker/push.sh")).toContain(`nixpkgs=\${NIXPKGS:-https://github.com/NixOS/nixpkgs/archive/${"a".repeat(40)}.tar.gz}`);
    expect(text(a, "docker/push.sh")).not.toContain("channel:");
    expect(text(a, "docker/web/image.nix")).toContain(`nixpkgs=https://github.com/NixOS/nixpkgs/archive/${"a".repeat(40)}.tar.gz`);
  });

  it("gives the image a new tag when the pin changes, since the image changes with it", () => {
    expect(tagOf(a)).toMatch(/^[0-9a-f]{16}$/);
    expect(tagOf(b)).toMatch(/^[0-9a-f]{16}$/);
    expect(tagOf(a)).not.toBe(tagOf(b));
  });
});

describe("service validation", () => {
  const ok = (extra = "") => `{ source: "./app", runtime: "node", port: 3000, healthCheck: { path: "/health" }${extra} }`;
  const codes = (files: Readonly<Record<string, string>>) => problems(files).map((d) => `${d.code} ${d.message}`);

  it("refuses an image that is not pinned by digest, and one without a command", () => {
    expect(codes({ "shop.noros.ts": system(`{ source: "./app", runtime: { image: "nginx:latest" }, port: 80, healthCheck: { path: "/" } }`), ...nodeApp })).toEqual([
      expect.stringMatching(/^NOROS2009 .*needs a command/),
      expect.stringMatching(/^NOROS2031 .*image "nginx:latest" is not pinned by digest/),
    ]);
  });

  it("refuses cpu and memory Fargate does not offer", () => {
    expect(codes({ "shop.noros.ts": system(ok(", cpu: 0.3")), ...nodeApp })).toEqual([expect.stringMatching(/^NOROS2032 .*cpu 0.3 is not a Fargate size/)]);
    expect(codes({ "shop.noros.ts": system(ok(", cpu: 0.25, memoryMb: 1536")), ...nodeApp })).toEqual([expect.stringMatching(/^NOROS2032 .*use 512, 1024 or 2048/)]);
    expect(() => compiled({ "shop.noros.ts": system(ok(", cpu: 1, memoryMb: 2048")), ...nodeApp })).not.toThrow();
  });

  it("refuses an absolute or odd source path", () => {
    expect(codes({ "shop.noros.ts": system(`{ source: "/srv/app", runtime: "node", port: 3000, healthCheck: { path: "/health" } }`) })).toEqual([
      expect.stringMatching(/^NOROS2030 /),
    ]);
  });

  it("refuses a literal secret at the type level and a non-secret reference at resolve", () => {
    const literal = problems({ "shop.noros.ts": system(ok(', secrets: { TOKEN: "hunter2" }')), ...nodeApp });
    expect(literal.map((d) => d.code)).toEqual(["NOROS1005"]);
    const wrong = codes({
      "shop.noros.ts": `import { bucket, service, system } from "noros";
const b = bucket("b");
const web = service("web", { source: "./app", runtime: "node", port: 3000, healthCheck: { path: "/health" }, secrets: { TOKEN: b.arn as never } });
export default system("shop", { region: "eu-central-1", resources: [web, b] });
`,
      ...nodeApp,
    });
    expect(wrong).toEqual([expect.stringMatching(/^NOROS3030 secret TOKEN of service "web" refers to bucket "b" arn, which is not a secret/)]);
  });

  it("reports a missing, empty or linked source directory at the source property", () => {
    const missing = problems({ "shop.noros.ts": system(ok()) });
    expect(missing.map((d) => [d.code, d.line])).toEqual([["NOROS3031", 2]]);
    expect(missing[0]?.message).toContain("source directory ./app does not exist");

    const file = project({ "shop.noros.ts": system(ok()), "app/server.js": "" });
    symlinkSync("/etc/passwd", path.join(path.dirname(file), "app", "passwd"));
    try {
      compile({ file, cwd: path.dirname(file) });
      expect.fail("expected diagnostics");
    } catch (error) {
      expect((error as DiagnosticsError).diagnostics.map((d) => d.message)).toEqual(['service "web": ./app/passwd is a symbolic link, which is not copied into the image']);
    }
  });

  it("asks for the runtime's entry file, a static health file, and a lock file", () => {
    expect(codes({ "shop.noros.ts": system(ok()), "app/main.js": "" })).toEqual([expect.stringMatching(/^NOROS3033 .*has no server\.js/)]);
    expect(codes({ "shop.noros.ts": system(`{ source: "./site", runtime: "static", port: 80, healthCheck: { path: "/health" } }`), "site/index.html": "" })).toEqual([
      expect.stringMatching(/^NOROS3033 .*has no health to answer the health check path \/health/),
    ]);
    expect(codes({ "shop.noros.ts": system(ok()), ...nodeApp, "app/package.json": '{"dependencies":{"x":"1"}}' })).toEqual([
      expect.stringMatching(/^NOROS3034 .*no package-lock\.json/),
    ]);
  });

  it("refuses HOST and PORT in the environment (noros sets them from port)", () => {
    expect(codes({ "shop.noros.ts": system(ok(', environment: { PORT: "1", "bad-name": "x" }')), ...nodeApp })).toEqual([
      expect.stringMatching(/^NOROS2000 .*environment\.PORT: environment variable PORT is set by noros itself/),
      expect.stringMatching(/^NOROS2000 .*environment variable name "bad-name" is invalid/),
    ]);
  });
});

describe("compile cache with services", () => {
  const previous = process.env.NOROS_CACHE_DIR;
  beforeAll(() => {
    process.env.NOROS_CACHE_DIR = tempDir("noros-cache-");
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.NOROS_CACHE_DIR;
    else process.env.NOROS_CACHE_DIR = previous;
  });

  it("recompiles when a service's file changes or one is added, and keeps --no-test apart", async () => {
    const dir = path.join(tempDir(), "hello");
    cpSync(path.join(repoRoot, "examples", "hello"), dir, { recursive: true, filter: (src) => !src.endsWith(`${path.sep}out`) });
    expect((await runCli(["compile"], dir)).stdout).not.toContain("from cache");
    expect((await runCli(["compile"], dir)).stdout).toContain("from cache");
    expect((await runCli(["compile", "--no-test"], dir)).stdout).not.toContain("from cache");

    writeFileSync(path.join(dir, "web", "health"), "still ok\n");
    const changed = await runCli(["compile"], dir);
    expect(changed.stdout).not.toContain("from cache");
    expect(readFileSync(path.join(dir, "out", "docker", "web", "context", "health"), "utf8")).toBe("still ok\n");

    writeFileSync(path.join(dir, "web", "about.html"), "<p>new</p>\n");
    const added = await runCli(["compile"], dir);
    expect(added.stdout).not.toContain("from cache");
    expect(added.stdout).toContain("docker/web/context/about.html");
  });
});
