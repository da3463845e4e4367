// url-checker: checks a list of URLs in parallel every CHECK_INTERVAL_S seconds and writes all results
// to one JSON file (S3, or RESULTS_FILE locally). GET /health says whether the loop is alive,
// GET /results serves the last results file (to bearers of RESULTS_TOKEN, when it is set).
import { createHash, timingSafeEqual } from "node:crypto";
import http from "node:http";
import { pathToFileURL } from "node:url";
import { checkAll, parseUrlList, report } from "./src/check.js";
import { loadConfig } from "./src/config.js";
import { loadInput, metricLines, readResults, writeResults } from "./src/io.js";

/** Whether the request carries `Authorization: Bearer <token>`, compared in constant time. */
function authorized(req, token) {
  const digest = (text) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(req.headers.authorization ?? ""), digest(`Bearer ${token}`));
}

export function start(env = process.env, log = (line) => console.log(line)) {
  const config = loadConfig(env);
  const state = { urls: [], input: {}, last: undefined, lastRunEnded: undefined, lastError: undefined, startedAt: Date.now(), timer: undefined, stopped: false };

  async function runOnce() {
    const loaded = await loadInput(config.input, state.input);
    if (loaded.changed) {
      state.urls = parseUrlList(loaded.text);
      state.input = { etag: loaded.etag, checksum: loaded.checksum };
      log(`input changed: ${state.urls.length} URLs`);
    }
    const startedAt = Date.now();
    const results = await checkAll(state.urls, { concurrency: config.concurrency, timeoutMs: config.timeoutMs });
    const body = report(results, { startedAt, finishedAt: Date.now() });
    await writeResults(config.output, body);
    if (config.metricsNamespace) for (const line of metricLines(config.metricsNamespace, results, startedAt)) log(line);
    state.last = body;
    log(`checked ${body.total} URLs: ${body.up} up, ${body.down} down, ${body.durationMs} ms`);
  }

  async function loop() {
    try {
      await runOnce();
      state.lastError = undefined;
    } catch (error) {
      state.lastError = error?.message ?? String(error);
      log(`check failed: ${state.lastError}`);
    }
    state.lastRunEnded = Date.now();
    if (!state.stopped) state.timer = setTimeout(loop, config.intervalMs);
  }

  // Alive while a run ended (successfully or not) within three intervals plus the time one may take.
  const staleAfter = 3 * config.intervalMs + config.timeoutMs + 15_000;
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const send = (status, body) => {
      res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(typeof body === "string" ? body : `${JSON.stringify(body)}\n`);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return send(405, { error: "method not allowed" });
    if (url.pathname === "/health") {
      const since = Date.now() - (state.lastRunEnded ?? state.startedAt);
      return since > staleAfter ? send(503, { status: "stale", lastError: state.lastError ?? null }) : send(200, { status: "ok", urls: state.urls.length, lastError: state.lastError ?? null });
    }
    if (url.pathname === "/results") {
      if (config.resultsToken !== undefined && !authorized(req, config.resultsToken)) {
        res.setHeader("www-authenticate", "Bearer");
        return send(401, { error: "a bearer token is required" });
      }
      const text = await readResults(config.output, state.last);
      return text === undefined ? send(503, { status: "no results yet", lastError: state.lastError ?? null }) : send(200, text);
    }
    return send(404, { error: "not found" });
  });

  const ready = new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => {
      log(`listening on ${config.host}:${server.address().port}`);
      void loop();
      resolve(server.address().port);
    });
  });

  const stop = () =>
    new Promise((resolve) => {
      state.stopped = true;
      clearTimeout(state.timer);
      server.close(() => resolve());
      server.closeAllConnections?.();
    });
  return { ready, stop, state };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let app;
  try {
    app = start();
  } catch (error) {
    console.error(`url-checker: ${error.message}`);
    process.exit(1);
  }
  app.ready.catch((error) => {
    console.error(`url-checker: ${error.message}`);
    process.exit(1);
  });
  for (const signal of ["SIGTERM", "SIGINT"]) process.once(signal, () => app.stop().then(() => process.exit(0)));
}
