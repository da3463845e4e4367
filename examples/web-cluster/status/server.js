// status: GET / checks every URL of $TARGETS (the other services' health over TLS, verified against the
// cluster's internal CA in $TLS_CA_FILE) and answers with the results; /health and /metrics come from
// the kit. Listens on $HOST:$PORT, under $BASE_PATH behind the ingress.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { serve } from "./src/kit.js";
import { parseTargets, report } from "./src/probe.js";

export function start(env = process.env, log) {
  const targets = parseTargets(env.TARGETS);
  const ca = env.TLS_CA_FILE ? readFileSync(env.TLS_CA_FILE) : undefined;
  return serve(env, async (req, p, send) => {
    if (req.method !== "GET" && req.method !== "HEAD") return send("other", 405, '{"error":"method not allowed"}\n');
    if (p !== "/") return send("other", 404, '{"error":"not found"}\n');
    const body = await report(targets, { ca });
    send("/", body.up === body.total ? 200 : 503, `${JSON.stringify(body, null, 2)}\n`, { "cache-control": "no-store" });
  }, log);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) start();
