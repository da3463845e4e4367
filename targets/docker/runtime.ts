/**
 * What each service runtime means in an image: the Debian packages it installs, the command it starts
 * by default, the environment it sets, and a health probe that needs nothing beyond the runtime
 * itself (no curl): node's http module, python's urllib, busybox's wget.
 */

/**
 * The public image every Debian-based service starts from: debian:bookworm-slim, pinned by the digest
 * of its multi-platform index as published in docker-library/repo-info (repos/debian/remote/bookworm-slim.md,
 * build of 2026-08-03). A build may replace it with `--build-arg BASE_IMAGE=...` (the local test tier
 * does, with a debootstrapped bookworm, since it cannot pull).
 */
export const DEBIAN_BASE_IMAGE = "docker.io/library/debian:bookworm-slim@sha256:abd67ffcfa541b485a3dff59865ab629aa048a6c613e639d36e7456b0b229241";
export const BASE_IMAGE_ARG = "BASE_IMAGE";

/** The unprivileged user every service runs as (numeric, so an orchestrator can verify it is not root). */
export const APP_UID = 10001;
export const APP_USER = `${APP_UID}:${APP_UID}`;
export const APP_DIR = "/app";
/** Left in the final image by a successful test stage; copying it makes the final stage depend on the tests. */
export const TESTS_PASSED = "/tmp/noros-tests-passed";
export const TESTS_PASSED_IN_IMAGE = "/usr/share/noros/tests-passed";

export type DebianRuntime = "node" | "python" | "static";

export const runtimePackages: Readonly<Record<DebianRuntime, readonly string[]>> = {
  node: ["ca-certificates", "nodejs", "tini"],
  python: ["ca-certificates", "python3", "tini"],
  static: ["busybox", "tini"],
};

/** nixpkgs attribute names of the same runtimes, for `build: "nix"`. */
export const runtimeNixPackages: Readonly<Record<DebianRuntime, readonly string[]>> = {
  node: ["nodejs", "tini"],
  python: ["python3", "tini"],
  static: ["busybox", "tini"],
};

export const runtimeEnvironment: Readonly<Record<DebianRuntime, Readonly<Record<string, string>>>> = {
  node: { NODE_ENV: "production" },
  python: { PYTHONDONTWRITEBYTECODE: "1", PYTHONUNBUFFERED: "1" },
  static: {},
};

/** The static runtime serves /app with busybox httpd on $HOST:$PORT. */
const staticServer = ["/bin/sh", "-c", 'exec busybox httpd -f -v -p "${HOST:-0.0.0.0}:${PORT}" -h /app'];

export function defaultCommand(runtime: DebianRuntime): readonly string[] {
  switch (runtime) {
    case "node":
      return ["node", "server.js"];
    case "python":
      return ["python3", "app.py"];
    case "static":
      return staticServer;
  }
}

export { healthProbe } from "../../compiler/util/health-probe.js";
