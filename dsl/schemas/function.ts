import { z } from "zod";
import type { Construct } from "../core.js";
import type { Host } from "../host.js";
import type { Topic } from "../topic.js";
import { ValueSchema, fail, use } from "./common.js";
import { retentionPeriods } from "./log-group.js";
import { ScheduleExpression } from "./schedule.js";
import { SourceDir } from "./service.js";

/**
 * The Lambda runtimes noros packages for. Each ships the AWS SDK for its language (v3 for Node.js,
 * boto3 for Python), so a handler that only calls AWS needs no dependencies in its package.
 */
export const lambdaRuntimes = ["nodejs20.x", "nodejs22.x", "python3.12", "python3.13"] as const;
export type LambdaRuntime = (typeof lambdaRuntimes)[number];

/** The file extensions a runtime loads a handler's module from, in the order it tries them. */
export const handlerExtensions: Readonly<Record<LambdaRuntime, readonly string[]>> = {
  "nodejs20.x": [".js", ".mjs", ".cjs"],
  "nodejs22.x": [".js", ".mjs", ".cjs"],
  "python3.12": [".py"],
  "python3.13": [".py"],
};

/** Checked here rather than with z.enum, so that the message names the runtimes and carries its own code. */
const Runtime = z.custom<LambdaRuntime>(() => true).superRefine((value, ctx) => {
  if (value === undefined) fail(ctx, "NOROS2009", "this property is required");
  else if (!(lambdaRuntimes as readonly unknown[]).includes(value)) {
    fail(ctx, "NOROS2060", `runtime ${JSON.stringify(value)} is not a Lambda runtime noros packages: use one of ${lambdaRuntimes.join(", ")}`);
  }
});

/** "index.handler", "src/app.main": a module path inside the source (no extension) and the exported function. */
const Handler = z.string().superRefine((value, ctx) => {
  const ok = /^(?:[A-Za-z0-9_-]+\/)*[A-Za-z0-9_-]+\.[A-Za-z_$][A-Za-z0-9_$]*$/.test(value);
  if (!ok) fail(ctx, "NOROS2061", `handler "${value}" is not "<module>.<function>" such as "index.handler" (the module's path inside the source, without its extension)`);
});

/**
 * Variables Lambda sets itself (its reserved names): a value given for one is refused by the Lambda
 * API at deployment, so it is refused here, at its position, instead.
 */
export const reservedLambdaEnvironment = [
  "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_DEFAULT_REGION", "AWS_EXECUTION_ENV",
  "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE",
  "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_LAMBDA_RUNTIME_API", "AWS_REGION", "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN", "LAMBDA_RUNTIME_DIR", "LAMBDA_TASK_ROOT",
] as const;

const Environment = z.record(z.string(), ValueSchema).superRefine((record, ctx) => {
  for (const key of Object.keys(record)) {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(key)) fail(ctx, "NOROS2064", `environment variable name "${key}" is invalid: Lambda takes a letter followed by letters, digits and underscores`, [key]);
    else if ((reservedLambdaEnvironment as readonly string[]).includes(key)) fail(ctx, "NOROS2064", `environment variable ${key} is reserved: Lambda sets it itself`, [key]);
  }
});

const Retention = z.number().superRefine((value, ctx) => {
  if (!(retentionPeriods as readonly number[]).includes(value)) {
    fail(ctx, "NOROS2013", `retention of ${value} days is not accepted by CloudWatch: use one of ${retentionPeriods.join(", ")}`);
  }
});
export { Retention as LogRetention };

/**
 * What a function may do to a host, each lowered to exactly the IAM it needs:
 * reboot/start/stop: ec2:RebootInstances/StartInstances/StopInstances on that one instance's ARN;
 * describe: ec2:DescribeInstances, which has no resource-level permissions (resource "*");
 * readMetrics: cloudwatch:GetMetricData, likewise only grantable on "*".
 */
export const hostActions = ["reboot", "start", "stop", "describe", "readMetrics"] as const;
export type HostAction = (typeof hostActions)[number];

/** The S3 object events a function can be invoked by: created covers every put, copy and multipart upload. */
export const objectEvents = { created: "s3:ObjectCreated:*", removed: "s3:ObjectRemoved:*" } as const;

const KeyFilter = z.string().min(1).max(1024);

const ObjectTrigger = z.strictObject({
  /**
   * The bucket whose object events invoke the function. (Typed as any bucket construct rather than
   * `Bucket`: a bucket's readers may be functions, and the two types must not refer to each other.)
   */
  bucket: use<Construct<"bucket">>("bucket"),
  /** Which events: objects created (put, copied, uploaded) and/or removed. */
  events: z.array(z.enum(["created", "removed"])).min(1, "give at least one event: created or removed").default(["created"]),
  /** Only keys starting with this. */
  prefix: KeyFilter.optional(),
  /** Only keys ending with this (".txt"). */
  suffix: KeyFilter.optional(),
});

export const FunctionSchema = z.strictObject({
  /** The handler's source directory, relative to the file that declares the function ("./functions/reboot"); zipped as it is. */
  source: SourceDir,
  /** The Lambda runtime: nodejs20.x, nodejs22.x, python3.12 or python3.13. */
  runtime: Runtime,
  /** "<module>.<export>": index.handler calls `handler` exported by index.js / index.mjs (or index.py). */
  handler: Handler,
  /** Environment variables: text, or references resolved at deployment (`server.instanceId`). Never secrets: Lambda shows them. */
  environment: Environment.default({}),
  /** Seconds an invocation may run. */
  timeoutS: z.number().int().min(1).max(900).default(10),
  /** Memory in MiB (CPU grows with it). */
  memoryMb: z.number().int().min(128).max(10240).default(128),
  /** The processor: Graviton (arm64) costs less; x86_64 for native code built for it. */
  architecture: z.enum(["arm64", "x86_64"]).default("arm64"),
  /** How long CloudWatch keeps the function's own log group. */
  logRetentionDays: Retention.default(90),
  /** Hosts the function acts on, and how: derives ec2 permissions on exactly that instance. */
  controls: z
    .array(z.strictObject({ host: use<Host>("host"), actions: z.array(z.enum(hostActions)).min(1, "give at least one action") }))
    .default([]),
  /** Topics the function may publish to. */
  publishesTo: z.array(use<Topic>("topic")).default([]),
  /** What invokes the function besides `httpApi` routes: bucket object events and EventBridge schedules. */
  triggers: z
    .strictObject({
      /** S3 object events, each from one bucket (a notification plus a permission scoped to that bucket). */
      objects: z.array(ObjectTrigger).default([]),
      /** EventBridge schedule expressions: "rate(5 minutes)" or "cron(0 3 * * ? *)" (UTC). */
      schedules: z.array(ScheduleExpression).default([]),
    })
    .default({ objects: [], schedules: [] }),
});

export type FunctionInput = z.input<typeof FunctionSchema>;
export type FunctionProps = z.output<typeof FunctionSchema>;
