// standby: where Route53 sends clients while the cluster's ingress fails its health check. Every path
// answers 503 with a short "we are recovering" page and Retry-After, uncached, so no browser or proxy
// keeps the notice once the cluster is back; /health answers 200 for the load balancer.
// Listens on $HOST:$PORT.
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";

export const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Back soon</title>
  </head>
  <body>
    <h1>We are recovering</h1>
    <p>The shop and the blog are briefly unavailable. Please try again in a few minutes.</p>
  </body>
</html>
`;

export function handle(req, res) {
  const path = new URL(req.url ?? "/", "http://standby").pathname;
  if (path === "/health") {
    res.writeHead(200, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
    return res.end("ok\n");
  }
  res.writeHead(503, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "retry-after": "300" });
  res.end(req.method === "HEAD" ? undefined : page);
}

export function start(env = process.env) {
  const server = createServer(handle);
  server.listen(Number(env.PORT ?? 8080), env.HOST ?? "0.0.0.0");
  return server;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) start();
