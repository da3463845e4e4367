// Configuration from the environment, checked once at start.

function positive(env, name, fallback) {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got ${JSON.stringify(raw)}`);
  return n;
}

function port(env) {
  const raw = env.PORT ?? "8080";
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`PORT must be a port number, got ${JSON.stringify(raw)}`);
  return n;
}

/**
 * Input (first one set wins): INPUT_URL (http), INPUT_FILE (a local path), INPUT_BUCKET + INPUT_KEY (S3).
 * Output: RESULTS_FILE (a local path) or RESULTS_BUCKET + RESULTS_KEY (S3, default key results.json).
 */
export function loadConfig(env = process.env) {
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION || "us-east-1";
  let input;
  if (env.INPUT_URL) input = { kind: "url", url: env.INPUT_URL };
  else if (env.INPUT_FILE) input = { kind: "file", path: env.INPUT_FILE };
  else if (env.INPUT_BUCKET) input = { kind: "s3", bucket: env.INPUT_BUCKET, key: env.INPUT_KEY || "urls.json", region };
  else throw new Error("no input: set INPUT_URL, INPUT_FILE, or INPUT_BUCKET (and INPUT_KEY)");
  let output;
  if (env.RESULTS_FILE) output = { kind: "file", path: env.RESULTS_FILE };
  else if (env.RESULTS_BUCKET) output = { kind: "s3", bucket: env.RESULTS_BUCKET, key: env.RESULTS_KEY || "results.json", region };
  else throw new Error("no output: set RESULTS_FILE, or RESULTS_BUCKET (and RESULTS_KEY)");
  return {
    host: env.HOST || "0.0.0.0",
    port: port(env),
    input,
    output,
    intervalMs: positive(env, "CHECK_INTERVAL_S", 60) * 1000,
    timeoutMs: positive(env, "CHECK_TIMEOUT_MS", 5000),
    concurrency: positive(env, "CONCURRENCY", 10),
    metricsNamespace: env.METRICS_NAMESPACE || undefined,
    // Set from Secrets Manager by ECS (the task definition's `secrets`), never written in any file.
    resultsToken: env.RESULTS_TOKEN || undefined,
  };
}
