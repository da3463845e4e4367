import { z } from "zod";
import type { Network } from "../network.js";
import { Port, ValueSchema, fail, use, type RefValue } from "./common.js";
import { FlowFrom } from "./flow.js";
import { secretValue } from "./secret.js";
import { EksRunSchema } from "./eks-run.js";

/**
 * Checks environment variable names, as both Docker and ECS accept them. Done on the record (not its
 * key schema) so that the message and the position are the variable's own.
 */
function checkNames(reserved: readonly string[]) {
  return (record: Record<string, unknown>, ctx: z.RefinementCtx) => {
    for (const [key, value] of Object.entries(record)) {
      if (!/^[A-Z_][A-Z0-9_]*$/.test(key)) fail(ctx, "NOROS2000", `environment variable name "${key}" is invalid: use upper-case letters, digits and underscores`, [key]);
      else if (reserved.includes(key)) fail(ctx, "NOROS2000", `environment variable ${key} is set by noros itself (from \`port\`)`, [key]);
      else if (literalParts(value).some((part) => /[\r\n]/.test(part))) {
        // A Dockerfile's ENV cannot hold one, and an ECS task definition would silently keep it.
        fail(ctx, "NOROS2000", `environment variable ${key} contains a line break: pass one value per variable, or a separator your app splits on`, [key]);
      }
    }
  };
}

/** The parts of a value the author wrote literally (a reference's value is not known until deployment). */
function literalParts(value: unknown): string[] {
  if (typeof value === "string") return [value];
  const parts = (value as { parts?: unknown } | null)?.parts;
  return Array.isArray(parts) ? parts.filter((part): part is string => typeof part === "string") : [];
}

/** Names a service's runtime sets itself; an author's value would be silently overridden. */
export const reservedEnvironment = ["HOST", "PORT"] as const;

/**
 * The app's source directory, relative to the file that declares the service, written with forward
 * slashes: "./app", "../shared/web". It is copied into the build context, so the output is self-contained.
 */
export const SourceDir = z.string().superRefine((value, ctx) => {
  const segments = value.split("/");
  const ok =
    value !== "" && !value.startsWith("/") && !value.includes("\\") && !/^[A-Za-z]:/.test(value) &&
    segments.every((s, i) => s !== "" || i === segments.length - 1) &&
    segments.every((s) => /^[A-Za-z0-9._-]*$/.test(s));
  if (!ok) fail(ctx, "NOROS2030", `source "${value}" is not a relative directory such as "./app": use letters, digits, ".", "_", "-" and "/"`);
});

/** A container image pinned by digest, so that a build means the same tomorrow: name[:tag]@sha256:<64 hex>. */
export const PinnedImage = z.string().superRefine((value, ctx) => {
  if (!/^[a-z0-9]+(?:[._-][a-z0-9]+)*(?::[0-9]+)?(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?@sha256:[0-9a-f]{64}$/.test(value)) {
    fail(ctx, "NOROS2031", `image "${value}" is not pinned by digest: write name:tag@sha256:<digest>, e.g. docker.io/library/nginx:1.27@sha256:…`);
  }
});

/** A URL path the health check asks for: no spaces or quotes, so it is safe in every probe. */
const HealthPath = z.string().superRefine((value, ctx) => {
  if (!/^\/[A-Za-z0-9._~\/-]*(?:\?[A-Za-z0-9._~=&%-]*)?$/.test(value)) {
    fail(ctx, "NOROS2000", `health check path "${value}" is invalid: start with "/" and use letters, digits, ".", "_", "~", "-", "/" and a simple query`);
  }
});

const Command = z.array(z.string().min(1)).min(1);

/** Fargate's CPU sizes, in vCPU, and the memory (MiB) each accepts. */
export const fargateSizes: Readonly<Record<string, { min: number; max: number; step: number }>> = {
  "0.25": { min: 512, max: 2048, step: 512 }, // but only 512, 1024 and 2048
  "0.5": { min: 1024, max: 4096, step: 1024 },
  "1": { min: 2048, max: 8192, step: 1024 },
  "2": { min: 4096, max: 16384, step: 1024 },
  "4": { min: 8192, max: 30720, step: 1024 },
  "8": { min: 16384, max: 61440, step: 4096 },
  "16": { min: 32768, max: 122880, step: 8192 },
};

function validMemory(cpu: number, memoryMb: number): boolean {
  // 0.25 vCPU is the one size whose memory is not an even ladder.
  if (cpu === 0.25) return [512, 1024, 2048].includes(memoryMb);
  const size = fargateSizes[String(cpu)];
  return size !== undefined && memoryMb >= size.min && memoryMb <= size.max && (memoryMb - size.min) % size.step === 0;
}

/**
 * A secret passed to the service as an environment variable: only ever a secret's `.value`, never a
 * literal (NOROS2100), so it appears in no image, no Terraform variable and no log; the task
 * definition names it by ARN and ECS fetches it at start.
 */
export const secretRef = secretValue;

export const HealthCheckSchema = z.strictObject({
  /** The path answered with a 2xx or 3xx status when the service is healthy, e.g. "/health". */
  path: HealthPath,
  /** Seconds between checks. */
  intervalS: z.number().int().min(5).max(300).default(30),
  /** Seconds one check may take. */
  timeoutS: z.number().int().min(2).max(60).default(5),
  /** Failed checks in a row before the service counts as unhealthy. */
  retries: z.number().int().min(1).max(10).default(3),
  /** Seconds after start during which failures do not count. */
  startPeriodS: z.number().int().min(0).max(300).default(10),
  /** For a `{ image }` runtime, whose tools noros does not know: the probe to run inside the container. */
  command: Command.optional(),
});

export const ServiceSchema = z
  .strictObject({
    /** The app's source directory, relative to the file declaring the service ("./app"). */
    source: SourceDir,
    /**
     * What runs the app: Debian's nodejs or python3, busybox's web server for static files, or a
     * given image pinned by digest (the app's source is copied into it).
     */
    runtime: z.union([z.enum(["node", "python", "static"]), z.strictObject({ image: PinnedImage })]),
    /**
     * The command that starts the app, run from the app's directory (/app). Default: node server.js,
     * python3 app.py, or the static file server. The app listens on $HOST:$PORT.
     */
    command: Command.optional(),
    /** The port the app listens on (exported to it as PORT). */
    port: Port,
    /** Environment variables: text, or references resolved at deployment (`bucket.bucketName`). */
    environment: z.record(z.string(), ValueSchema).superRefine(checkNames(reservedEnvironment)).default({}),
    /** Secrets as environment variables, each a reference to a secret construct; literal values are refused. */
    secrets: z.record(z.string(), secretRef()).superRefine(checkNames(reservedEnvironment)).default({}),
    /** How the service's health is checked (by the container engine, the load balancer and `noros test`). */
    healthCheck: HealthCheckSchema,
    /** vCPUs: 0.25, 0.5, 1, 2, 4, 8 or 16 (the sizes Fargate offers). */
    cpu: z
      .number()
      .superRefine((value, ctx) => {
        if (!Object.hasOwn(fargateSizes, String(value))) fail(ctx, "NOROS2032", `cpu ${value} is not a Fargate size: use one of ${Object.keys(fargateSizes).join(", ")} vCPU`);
      })
      .default(0.25),
    /** Memory in MiB; it must suit `cpu` (0.25 vCPU takes 512, 1024 or 2048). */
    memoryMb: z.number().int().default(512),
    /** A command that runs the app's tests in a build stage; the image is built only if it succeeds. */
    test: Command.optional(),
    /** How the image is built: a Dockerfile (default), or a Nix expression (dockerTools) for push and CI. */
    build: z.enum(["dockerfile", "nix"]).default("dockerfile"),
    /**
     * Where the service runs in the cloud. Without it only its image and ECR repository are produced;
     * with `{ on: "ecs", network }` it runs as an ECS Fargate service in the network's private subnets;
     * with `{ on: "eks", cluster }` as a Kubernetes deployment on the cluster (see eks-run.ts).
     */
    run: z
      .discriminatedUnion("on", [
        z.strictObject({
          on: z.literal("ecs"),
          network: use<Network>("network"),
          /** How many tasks run at once. */
          desiredCount: z.number().int().min(0).max(100).default(1),
          /**
           * Who may reach the service's port: address ranges or constructs (`from: worker`). Without it,
           * anything inside the network may, unless a load balancer forwards to the service: then only
           * the load balancer may.
           */
          ingress: z.array(z.strictObject({ from: FlowFrom, description: z.string().max(255).optional() })).optional(),
        }),
        EksRunSchema,
      ])
      .optional(),
  })
  .superRefine((value, ctx) => {
    if (Object.hasOwn(fargateSizes, String(value.cpu)) && !validMemory(value.cpu, value.memoryMb)) {
      const size = fargateSizes[String(value.cpu)] as { min: number; max: number; step: number };
      const allowed = value.cpu === 0.25 ? "512, 1024 or 2048" : `${size.min} to ${size.max} in steps of ${size.step}`;
      fail(ctx, "NOROS2032", `memoryMb ${value.memoryMb} does not suit ${value.cpu} vCPU: use ${allowed}`, ["memoryMb"]);
    }
    if (typeof value.runtime === "object" && value.command === undefined) {
      fail(ctx, "NOROS2009", "a service with a given image needs a command", ["command"]);
    }
    if (value.build === "nix" && typeof value.runtime === "object") {
      fail(ctx, "NOROS2000", `build "nix" builds from nixpkgs, so it needs runtime "node", "python" or "static", not an image`, ["build"]);
    }
    for (const name of Object.keys(value.secrets)) {
      if (Object.hasOwn(value.environment, name)) fail(ctx, "NOROS2000", `${name} is both an environment variable and a secret`, ["secrets", name]);
    }
  });

export type ServiceInput = z.input<typeof ServiceSchema>;
export type ServiceProps = z.output<typeof ServiceSchema>;
export type HealthCheckProps = z.output<typeof HealthCheckSchema>;
