// blog: GET / lists the posts, /posts/<slug> shows one, /static/blog.css is its (cached) stylesheet;
// /health and /metrics come from the kit. Listens on $HOST:$PORT, under $BASE_PATH behind the ingress.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { serve } from "./src/kit.js";
import { findPost, indexPage, postPage } from "./src/posts.js";

// Not import.meta.dirname: Debian bookworm's Node 18 does not have it.
const css = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "static", "blog.css"));
const html = { "content-type": "text/html; charset=utf-8" };

export function start(env = process.env, log) {
  return serve(env, (req, p, send) => {
    if (req.method !== "GET" && req.method !== "HEAD") return send("other", 405, '{"error":"method not allowed"}\n');
    if (p === "/") return send("/", 200, indexPage(env.BASE_PATH), html);
    if (p === "/static/blog.css") return send("/static", 200, css, { "content-type": "text/css" });
    const match = /^\/posts\/([a-z0-9-]+)$/.exec(p);
    const post = match ? findPost(match[1]) : undefined;
    if (post) return send("/posts", 200, postPage(post, env.BASE_PATH), html);
    return send("other", 404, '{"error":"not found"}\n');
  }, log);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) start();
