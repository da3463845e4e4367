// The small HTTP toolkit every web-cluster app carries (each app is its own build context, so each has
// its own copy): a Prometheus counter of requests, the base path the ingress routes the app under,
// and an optional TLS listener with the certificate the cluster's internal CA issued.
import http from "node:http";
import https from "node:https";
import { readFileSync } from "node:fs";

/** http_requests_total by method, route and status, in the Prometheus text format. */
export function requestCounter() {
  const counts = new Map();
  return {
    inc(method, route, status) {
      const key = JSON.stringify([method, route, String(status)]);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    },
    text() {
      const lines = ["# HELP http_requests_total HTTP requests answered.", "# TYPE http_requests_total counter"];
      for (const [key, value] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const [method, route, status] = JSON.parse(key);
        lines.push(`http_requests_total{method="${method}",route="${route}",status="${status}"} ${value}`);
      }
      return `${lines.join("\n")}\n`;
    },
  };
}

/** The path below BASE_PATH ("/blog/posts/x" -> "/posts/x"), or undefined when the request is outside it. */
export function localPath(pathname, basePath) {
  const base = (basePath ?? "").replace(/\/+$/, "");
  if (base === "") return pathname;
  if (pathname === base) return "/";
  return pathname.startsWith(`${base}/`) ? pathname.slice(base.length) : undefined;
}

const types = { ".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon", ".html": "text/html; charset=utf-8" };
export const contentType = (file) => types[file.slice(file.lastIndexOf("."))] ?? "application/octet-stream";

/**
 * Serves `handle(req, res, path)` on HOST:PORT and, when TLS_PORT and the certificate files are set,
 * on TLS_PORT with that certificate. /health and /metrics answer at the root and under the base path.
 */
export function serve(env, handle, log = (line) => console.log(line)) {
  const counter = requestCounter();
  const listener = (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = localPath(url.pathname, env.BASE_PATH) ?? url.pathname;
    let route = "other";
    const send = (status, body, headers = {}) => {
      counter.inc(req.method ?? "GET", route, status);
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(body);
    };
    if (path === "/health") {
      route = "/health";
      return send(200, '{"status":"ok"}\n', { "cache-control": "no-store" });
    }
    if (path === "/metrics") {
      route = "/metrics";
      return send(200, counter.text(), { "content-type": "text/plain; version=0.0.4" });
    }
    if (localPath(url.pathname, env.BASE_PATH) === undefined) return send(404, '{"error":"not found"}\n');
    return handle(req, path, (r, status, body, headers) => {
      route = r;
      send(status, body, headers);
    });
  };
  const servers = [http.createServer(listener)];
  const host = env.HOST ?? "127.0.0.1";
  servers[0].listen(Number(env.PORT ?? 8080), host, () => log(`listening on ${host}:${servers[0].address().port}`));
  if (env.TLS_PORT && env.TLS_CERT_FILE && env.TLS_KEY_FILE) {
    const tls = https.createServer({ cert: readFileSync(env.TLS_CERT_FILE), key: readFileSync(env.TLS_KEY_FILE) }, listener);
    tls.listen(Number(env.TLS_PORT), host, () => log(`listening with TLS on ${host}:${tls.address().port}`));
    servers.push(tls);
  }
  return { servers, close: () => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))) };
}
