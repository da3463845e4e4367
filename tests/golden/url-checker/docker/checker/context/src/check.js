// Checking URLs: many at once, each with its own time limit, results in the order of the list.

/** One URL: its final status after redirects, whether it counts as up (2xx/3xx), and how long it took. */
export async function checkOne(url, { timeoutMs = 5000, fetchImpl = fetch } = {}) {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const res = await fetchImpl(url, { redirect: "follow", signal: AbortSignal.timeout(timeoutMs), headers: { "user-agent": "noros-url-checker/1" } });
    await res.arrayBuffer(); // The whole answer counts towards the time, and the connection is freed.
    return { url, ok: res.status >= 200 && res.status < 400, status: res.status, ms: elapsed() };
  } catch (error) {
    const timedOut = error?.name === "TimeoutError" || error?.name === "AbortError";
    const reason = timedOut ? `timed out after ${timeoutMs} ms` : error?.cause?.code ?? error?.cause?.message ?? error?.message ?? String(error);
    return { url, ok: false, status: null, ms: elapsed(), error: reason };
  }
}

/** Every URL, at most `concurrency` at a time. The result list is in the order of `urls`. */
export async function checkAll(urls, { concurrency = 10, ...options } = {}) {
  const results = new Array(urls.length);
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const index = next++;
      results[index] = await checkOne(urls[index], options);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, urls.length)) }, worker));
  return results;
}

/** The report written to the results file. */
export function report(results, { startedAt, finishedAt }) {
  return {
    checkedAt: new Date(startedAt).toISOString(),
    durationMs: Math.round(finishedAt - startedAt),
    total: results.length,
    up: results.filter((r) => r.ok).length,
    down: results.filter((r) => !r.ok).length,
    results,
  };
}

/**
 * The URL list: a JSON array of URLs, a JSON object with a `urls` array, or one URL per line (blank
 * lines and # comments ignored). Only http and https URLs are accepted.
 */
export function parseUrlList(text) {
  const trimmed = text.trim();
  let urls;
  if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
    const parsed = JSON.parse(trimmed);
    urls = Array.isArray(parsed) ? parsed : parsed.urls;
    if (!Array.isArray(urls)) throw new Error("the input is JSON but neither an array nor an object with a urls array");
  } else {
    urls = trimmed.split("\n").map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"));
  }
  return urls.map((u) => {
    if (typeof u !== "string") throw new Error(`not a URL: ${JSON.stringify(u)}`);
    const parsed = new URL(u);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error(`only http and https URLs can be checked: ${u}`);
    return u;
  });
}
