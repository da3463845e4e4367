import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "./helpers/cli.js";

describe("noros init", () => {
  it.each(["hello", "web-service", "nixos-host"])("creates a %s project that compiles as it is", async (template) => {
    const parent = tempDir();
    const created = await runCli(["init", "My Shop", "--template", template], parent);
    expect(created.code).toBe(0);
    const dir = path.join(parent, "My Shop");
    for (const file of ["my-shop.noros.ts", "package.json", "tsconfig.json", ".gitignore", "README.md", ".github/workflows/noros.yml"]) {
      expect(existsSync(path.join(dir, file)), file).toBe(true);
    }
    expect(JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")).devDependencies.noros).toMatch(/^\^\d/);
    const workflow = parseYaml(readFileSync(path.join(dir, ".github/workflows/noros.yml"), "utf8")) as { jobs: { check: { steps: Array<{ run?: string }> } } };
    expect(workflow.jobs.check.steps.map((s) => s.run).filter(Boolean)).toContain("npx noros test --tier local");

    const compiled = await runCli(["compile"], dir);
    expect(compiled.stderr).toBe("");
    expect(compiled.code).toBe(0);
    expect(compiled.stdout).toContain("compiled my-shop");
  });

  it("gives the web-service template a tested app that compiles into an image", async () => {
    const parent = tempDir();
    expect((await runCli(["init", "api", "--template", "web-service"], parent)).code).toBe(0);
    const dir = path.join(parent, "api");
    expect(existsSync(path.join(dir, "app", "server.js"))).toBe(true);
    // The app's own tests pass as generated, so the image's test stage does not fail on a fresh project.
    const tests = spawnSync(process.execPath, ["--test"], { cwd: path.join(dir, "app"), encoding: "utf8" });
    expect(tests.status, tests.stdout + tests.stderr).toBe(0);
    expect((await runCli(["compile"], dir)).code).toBe(0);
    const dockerfile = readFileSync(path.join(dir, "out", "docker", "web", "Dockerfile"), "utf8");
    expect(dockerfile).toMatch(/RUN \["node", ?"--test"\]/);
    expect(dockerfile).toContain("HEALTHCHECK");
  });

  it("refuses to overwrite existing files", async () => {
    const dir = tempDir();
    expect((await runCli(["init"], dir)).code).toBe(0);
    const again = await runCli(["init"], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("NOROS1202");
    expect(again.stderr).toContain("package.json");
  });
});
