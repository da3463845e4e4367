// The web service: answers /health for the load balancer and the e2e probe, and / for people.
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";

export function handler(request, response) {
  const { pathname } = new URL(request.url ?? "/", "http://localhost");
  if (pathname === "/health") {
    response.writeHead(200, { "content-type": "text/plain" }).end("ok\n");
  } else if (pathname === "/") {
    response.writeHead(200, { "content-type": "text/plain" }).end(`hello from ${process.env.DATA_BUCKET ?? "a laptop"}\n`);
  } else {
    response.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? "0.0.0.0";
  const server = createServer(handler).listen(port, host, () => console.log(`listening on ${host}:${port}`));
  // The container runtime stops services with SIGTERM: finish open requests, then exit.
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}
