import { service } from "noros";
import { network } from "./network.ts";

// requirement S0.11: a static set of images (`status` from a Dockerfile, `notes` from Nix's dockerTools with `build: "nix"`), pushed to ECR by docker/push.sh and run on ECS Fargate (`run: { on: "ecs", network }`)
/** The system's static status page: busybox's web server in a Debian image. */
export const status = service("status", {
  source: "./status",
  runtime: "static",
  port: 8080,
  healthCheck: { path: "/health" },
  run: { on: "ecs", network },
});

/** A small Python service, its image built from the system's pinned nixpkgs instead of a Dockerfile. */
export const notes = service("notes", {
  source: "./notes",
  runtime: "python",
  port: 8080,
  environment: { NOTES: "uploads land in the texts bucket; the reader reboots when one changes" },
  healthCheck: { path: "/health" },
  test: ["python3", "-m", "unittest", "discover", "-s", "tests", "-t", "."],
  build: "nix",
  run: { on: "ecs", network },
});
