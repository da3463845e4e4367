// Checks the other services over TLS, trusting only the cluster's internal CA: a certificate the CA did
// not sign, or one for another name, fails the check.
import http from "node:http";
import https from "node:https";

/** GETs `url` and resolves to { url, ok, status?, error? } within `timeoutMs`. */
export function probe(url, { ca, timeoutMs = 3000 } = {}) {
  return new Promise((resolve) => {
    const target = new URL(url);
    const client = target.protocol === "https:" ? https : http;
    const req = client.get(target, { ca, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on("end", () => resolve({ url, ok: res.statusCode >= 200 && res.statusCode < 400, status: res.statusCode }));
    });
    req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on("error", (error) => resolve({ url, ok: false, error: error.code ?? error.message }));
  });
}

/** Every target in parallel; `up` counts the healthy ones. */
export async function report(targets, options) {
  const results = await Promise.all(targets.map((t) => probe(t, options)));
  return { total: results.length, up: results.filter((r) => r.ok).length, results };
}

export const parseTargets = (text) => (text ?? "").split(",").map((t) => t.trim()).filter((t) => t !== "");
