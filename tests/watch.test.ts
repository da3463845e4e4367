import { spawn, spawnSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, tempDir } from "./helpers/cli.js";

function waitFor(output: () => string, pattern: RegExp, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const poll = () => {
      if (pattern.test(output())) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${pattern}; output:\n${output()}`));
      setTimeout(poll, 50);
    };
    poll();
  });
}

describe("noros compile --watch", () => {
  it("recompiles when an imported file changes, reports what changed, and reports errors without stopping", async () => {
    const dir = path.join(tempDir(), "bucket-host");
    cpSync(path.join(repoRoot, "examples", "bucket-host"), dir, { recursive: true, filter: (src) => !src.endsWith(`${path.sep}out`) });
    const child = spawn(process.execPath, [path.join(repoRoot, "bin", "noros.js"), "compile", "--watch"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    try {
      // The system file, every file it imports, and its services' and functions' sources (bucket-host grows as parts are added).
      await waitFor(() => output, /watching \d+ files/);
      const network = path.join(dir, "network.ts");
      const original = readFileSync(network, "utf8");
      writeFileSync(network, original.replace('"10.20.10.0/24"', '"10.20.12.0/24"'));
      await waitFor(() => output, /compiled bucket-host: terraform\/main\.tf\.json changed/);
      const handler = path.join(dir, "functions", "reboot", "reboot.mjs");
      writeFileSync(handler, `${readFileSync(handler, "utf8")}\n// edited\n`);
      await waitFor(() => output, /functions\/reboot\.zip changed/);
      writeFileSync(network, original.replace('cidr: "10.20.0.0/16"', 'cidr: "10.20.0.0/33"'));
      await waitFor(() => output, /network\.ts:\d+:\d+ error NOROS2004/);
    } finally {
      child.kill("SIGTERM");
    }
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(0);
  });

  it("passes --no-test on to every recompile", async () => {
    const parent = tempDir();
    const init = spawnSync(process.execPath, [path.join(repoRoot, "bin", "noros.js"), "init", "api", "--template", "web-service"], { cwd: parent, encoding: "utf8" });
    expect(init.status, init.stderr).toBe(0);
    const dir = path.join(parent, "api");
    const child = spawn(process.execPath, [path.join(repoRoot, "bin", "noros.js"), "compile", "--watch", "--no-test"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    try {
      await waitFor(() => output, /watching \d+ files/);
      expect(readFileSync(path.join(dir, "out", "docker", "web", "Dockerfile"), "utf8")).not.toContain("--test");
    } finally {
      child.kill("SIGTERM");
    }
    expect(await new Promise((resolve) => child.on("exit", resolve))).toBe(0);
  });
});
