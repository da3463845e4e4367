// The sandbox platform's public API. Every route but /health needs `Authorization: Bearer <api key>`.
//   POST   /sandboxes      { environment, vcpus?, memoryMb?, ttlMinutes? } -> 201 { id, status }
//   GET    /sandboxes/:id  -> 200 { id, status, environment }
//   DELETE /sandboxes/:id  -> 202
//   GET    /health         -> 200 (for the load balancer; says nothing about Nomad)
import http from "node:http";
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import { authenticate, parseKeyHashes } from "./src/auth.js";
import { nomadClient } from "./src/nomad.js";
import { RequestError, expired, parseSandboxRequest, sandboxJob } from "./src/sandbox-job.js";

const MAX_BODY = 16 * 1024;
const PREFIX = "sandbox-";

async function readJson(req) {
  let size = 0;
  const chunks = [];
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY) throw new RequestError("request body too large");
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new RequestError("request body is not JSON");
  }
}

export function createApi({ keyHashes, nomad, datacenter = "dc1", imagesDir = "/var/lib/sandboxes", log = () => {} }) {
  return http.createServer(async (req, res) => {
    const send = (status, body) => {
      res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(`${JSON.stringify(body)}\n`);
    };
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/health" && req.method === "GET") return send(200, { status: "ok" });
    if (!authenticate(req.headers.authorization, keyHashes)) {
      res.setHeader("www-authenticate", 'Bearer realm="sandboxes"');
      return send(401, { error: "a valid API key is required" });
    }
    try {
      if (url.pathname === "/sandboxes" && req.method === "POST") {
        const request = parseSandboxRequest(await readJson(req));
        const id = `${PREFIX}${randomUUID()}`;
        await nomad.register(sandboxJob(id, request, { datacenter, imagesDir }));
        log(`started ${id} (${request.environment})`);
        return send(201, { id, status: "pending", environment: request.environment });
      }
      const match = /^\/sandboxes\/(sandbox-[0-9a-f-]{36})$/.exec(url.pathname);
      if (match) {
        const id = match[1];
        const job = await nomad.job(id);
        if (!job) return send(404, { error: "no such sandbox" });
        if (req.method === "GET") return send(200, { id, status: job.Status, environment: job.Meta?.environment ?? null });
        if (req.method === "DELETE") {
          await nomad.stop(id);
          log(`stopped ${id}`);
          return send(202, { id, status: "stopping" });
        }
        return send(405, { error: "method not allowed" });
      }
      return send(404, { error: "not found" });
    } catch (error) {
      if (error instanceof RequestError) return send(400, { error: error.message });
      log(`error: ${error.message}`);
      return send(502, { error: "the scheduler did not answer as expected" });
    }
  });
}

/** Stops every sandbox whose ttl has passed. */
export async function sweepExpired(nomad, nowMs, log = () => {}) {
  let stopped = 0;
  for (const stub of (await nomad.list(PREFIX)) ?? []) {
    const job = await nomad.job(stub.ID);
    if (job && job.Status !== "dead" && expired(job, nowMs)) {
      await nomad.stop(stub.ID);
      log(`expired ${stub.ID}`);
      stopped += 1;
    }
  }
  return stopped;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const log = (line) => console.log(line);
  const nomad = nomadClient(process.env.NOMAD_ADDR ?? "http://127.0.0.1:4646", { token: process.env.NOMAD_TOKEN });
  const server = createApi({ keyHashes: parseKeyHashes(process.env.API_KEY_HASHES), nomad, datacenter: process.env.NOMAD_DATACENTER, log });
  const port = Number(process.env.PORT ?? 8080);
  server.listen(port, process.env.HOST ?? "0.0.0.0", () => log(`listening on ${port}`));
  const sweep = setInterval(() => sweepExpired(nomad, Date.now(), log).catch((e) => log(`sweep failed: ${e.message}`)), 60_000);
  process.on("SIGTERM", () => {
    clearInterval(sweep);
    server.close(() => process.exit(0));
  });
}
