/**
 * The local tier: compiles the case's system, builds each service's image from the generated
 * Dockerfile with the local engine (the pinned public base replaced by the debootstrapped one), runs
 * each on its own loopback port, and resolves `service:<name>/<path>` to it.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { compile } from "../../../compiler/compile.js";
import { writeOutput } from "../../../compiler/emit/write-output.js";
import { nodesOf } from "../../../compiler/graph.js";
import { BASE_IMAGE, BASE_IMAGE_BUILD_ARG, ensureBaseImage } from "../local/base-image.js";
import { buildahContainerNames, createEngine, freeLoopbackPort, podmanContainerNames, type ContainerEngine, type RunningContainer } from "../local/engine.js";
import { track } from "./cleanup.js";
import { parseEndpoint } from "./endpoint.js";
import type { Availability, DeployContext, Deployment, E2eCase, TeardownResult, Tier } from "./types.js";

const INSTALL = "apt-get install -y podman buildah debootstrap runc";

export function localTier(): Tier {
  let engine: Promise<ContainerEngine> | undefined;
  let availability: Promise<Availability> | undefined;
  const getEngine = () =>
    (engine ??= (async () => {
      await ensureBaseImage({ log: (line) => process.stderr.write(`[noros-base] ${line}\n`) });
      return createEngine(BASE_IMAGE);
    })());
  return {
    name: "local",
    available() {
      return (availability ??= (async (): Promise<Availability> => {
        const missing = ["buildah", "podman"].filter((cmd) => spawnSync(cmd, ["--version"], { stdio: "ignore" }).error !== undefined);
        if (missing.length > 0) return { ok: false, reason: `${missing.join(" and ")} ${missing.length === 1 ? "is" : "are"} not installed (${INSTALL})` };
        try {
          const e = await getEngine();
          const a = await e.available();
          return a.ok ? { ok: true, detail: `${e.kind} engine, base image ${BASE_IMAGE}` } : a;
        } catch (error) {
          return { ok: false, reason: `the local base image cannot be made: ${(error as Error).message.split("\n")[0]}` };
        }
      })());
    },
    deployment: (c, context) => new LocalDeployment(c, context, getEngine),
  };
}

class LocalDeployment implements Deployment {
  startedAt = 0;
  readonly died: Promise<string>;
  private markDied: (reason: string) => void = () => {};
  private readonly containers: Array<{ service: string; container: RunningContainer }> = [];
  private readonly images: string[] = [];
  private readonly urls = new Map<string, string>();
  private dir: string | undefined;
  private engine: ContainerEngine | undefined;

  constructor(
    private readonly c: E2eCase,
    private readonly context: DeployContext,
    private readonly getEngine: () => Promise<ContainerEngine>,
  ) {
    this.died = new Promise((resolve) => (this.markDied = resolve));
  }

  async deploy(): Promise<Record<string, number>> {
    const { c, context } = this;
    const phases: Record<string, number> = {};
    let t = Date.now();
    const file = path.resolve(context.cwd, c.system);
    const compiled = compile({ file, cwd: path.dirname(file), targets: ["docker"], skipTests: context.skipTests });
    this.dir = mkdtempSync(path.join(tmpdir(), `noros-e2e-${c.name}-`));
    track.directory(this.dir);
    const out = path.join(this.dir, "out");
    writeOutput(out, compiled.artefacts);
    phases.compile = Date.now() - t;

    const services = nodesOf(compiled.graph, "service");
    if (services.length === 0) throw new Error(`${c.system} declares no service, so the local tier has nothing to run`);
    const engine = (this.engine = await this.getEngine());

    t = Date.now();
    const tags = new Map<string, string>();
    for (const service of services) {
      const tag = `localhost/noros-e2e-${c.name}-${service.name}:${context.runId}`;
      // A given image cannot be pulled here; only Debian-based services get the local base.
      const buildArgs = typeof service.props.runtime === "string" ? { [BASE_IMAGE_BUILD_ARG]: BASE_IMAGE } : {};
      const started = Date.now();
      const contextDir = path.join(out, "docker", service.name);
      if (!context.skipTests && service.props.test !== undefined) {
        // The test stage on its own first: when tests fail inside a full multi-stage build, buildah
        // (1.28) sometimes leaves a working container behind; a build of one chain of stages does not.
        // The full build then takes the tested stage from the layer cache.
        context.log(`testing ${service.name}`);
        const testTag = `localhost/noros-e2e-${c.name}-${service.name}-test:${context.runId}`;
        const tested = await engine.build({ contextDir, dockerfile: "Dockerfile", tag: testTag, buildArgs, target: "test" });
        phases[`test ${service.name}`] = tested.durationMs;
        if (tested.ok) {
          this.images.push(tested.tag);
          track.image(tested.tag);
        } else {
          throw new Error(`the tests of service ${service.name} failed (exit ${tested.exitCode ?? "signal"}) after ${seconds(tested.durationMs)}, so its image was not built:\n${tail(tested.log, 30)}`);
        }
      }
      context.log(`building ${service.name}`);
      const built = await engine.build({ contextDir, dockerfile: "Dockerfile", tag, buildArgs });
      phases[`build ${service.name}`] = Date.now() - started;
      if (!built.ok) {
        throw new Error(`building service ${service.name} failed (exit ${built.exitCode ?? "signal"}) after ${seconds(built.durationMs)}:\n${tail(built.log, 30)}`);
      }
      this.images.push(built.tag);
      track.image(built.tag);
      tags.set(service.name, built.tag);
      context.log(`built ${service.name} in ${seconds(built.durationMs)}`);
    }
    phases.build = Date.now() - t;

    t = Date.now();
    this.startedAt = Date.now();
    for (const service of services) {
      const port = await freeLoopbackPort();
      // Literal environment is in the image; HOST keeps the app on loopback; the case's fixture adds the rest.
      const container = await engine.run({ image: tags.get(service.name) as string, name: `${c.name}-${service.name}-${context.runId}`, port, env: { HOST: "127.0.0.1", ...context.env } });
      this.containers.push({ service: service.name, container });
      this.urls.set(service.name, `http://127.0.0.1:${port}`);
      void container.exited.then((code) =>
        this.markDied(`service ${service.name}'s container exited (${code ?? "killed"}) before answering; its output:\n${tail(container.logs(), 30)}`),
      );
    }
    phases.start = Date.now() - t;
    return phases;
  }

  url(endpoint: string): string {
    const e = parseEndpoint(endpoint);
    if (e.kind === "url") return e.url;
    if (e.kind === "output") throw new Error(`the local tier deploys no Terraform, so it cannot resolve ${endpoint}`);
    const base = this.urls.get(e.service);
    if (!base) throw new Error(`${endpoint}: the system has no running service "${e.service}" (services: ${[...this.urls.keys()].join(", ") || "none"})`);
    return `${base}${e.path}`;
  }

  logs(): string {
    return this.containers.map(({ service, container }) => `--- ${service}\n${tail(container.logs(), 40)}`).join("\n");
  }

  async teardown(): Promise<TeardownResult> {
    const problems: string[] = [];
    let containers = 0;
    let images = 0;
    for (const { container } of this.containers) {
      try {
        await this.engine?.remove(container);
        containers++;
      } catch (error) {
        problems.push(`container ${container.name}: ${(error as Error).message}`);
      }
    }
    for (const tag of this.images) {
      try {
        await this.engine?.removeImage(tag);
        if (spawnSync("buildah", ["inspect", "--type", "image", tag], { stdio: "ignore" }).status === 0) throw new Error("still present");
        track.forgetImage(tag);
        images++;
      } catch (error) {
        problems.push(`image ${tag}: ${(error as Error).message}`);
      }
    }
    if (this.containers.length > 0) {
      const names = new Set([...(await podmanContainerNames()), ...(await buildahContainerNames())]);
      for (const { container } of this.containers) if (names.has(container.name)) problems.push(`container ${container.name} is still there`);
    }
    if (this.dir) {
      rmSync(this.dir, { recursive: true, force: true });
      track.forgetDirectory(this.dir);
    }
    const removed = `removed ${containers} container${containers === 1 ? "" : "s"} and ${images} image${images === 1 ? "" : "s"}`;
    return problems.length === 0 ? { ok: true, detail: removed } : { ok: false, detail: `${removed}; ${problems.join("; ")}` };
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export function tail(text: string, lines: number): string {
  const all = text.trimEnd().split("\n");
  return (all.length > lines ? ["…", ...all.slice(-lines)] : all).join("\n");
}
