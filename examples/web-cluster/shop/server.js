// shop: a product catalogue. GET / is the page, /static/* its assets (cached by the ingress's rules),
// /api/products the data; /health and /metrics come from the kit. Listens on $HOST:$PORT.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { contentType, serve } from "./src/kit.js";
import { page, products } from "./src/catalogue.js";

// Not import.meta.dirname: Debian bookworm's Node 18 does not have it.
const staticDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "static");
const assets = new Map(["app.css", "app.js"].map((f) => [`/static/${f}`, readFileSync(path.join(staticDir, f))]));

export function start(env = process.env, log) {
  return serve(env, (req, p, send) => {
    if (req.method !== "GET" && req.method !== "HEAD") return send("other", 405, '{"error":"method not allowed"}\n');
    if (p === "/") return send("/", 200, page(env.BASE_PATH), { "content-type": "text/html; charset=utf-8" });
    if (p === "/api/products") return send("/api/products", 200, `${JSON.stringify(products)}\n`);
    const asset = assets.get(p);
    if (asset) return send("/static", 200, asset, { "content-type": contentType(p) });
    return send("other", 404, '{"error":"not found"}\n');
  }, log);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) start();
