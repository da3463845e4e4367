// Where the URL list comes from and where the results go: S3 in the cloud, a path or URL locally.
import { createHash } from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import { getObject, putObject } from "./s3.js";

/**
 * Loads the URL list only when it changed since `previous` ({ etag } or { checksum }): a conditional
 * GET (If-None-Match) for http and S3, a sha256 of the contents for a local file.
 * Returns { changed: false } or { changed: true, text, etag?, checksum? }.
 */
// requirement S3.5: a conditional GET by ETag, or a checksum compare, so an unchanged input is not re-read
export async function loadInput(input, previous = {}) {
  if (input.kind === "url") {
    const res = await fetch(input.url, { headers: previous.etag ? { "if-none-match": previous.etag } : {}, signal: AbortSignal.timeout(15_000) });
    if (res.status === 304) return { changed: false };
    if (!res.ok) throw new Error(`input ${input.url}: ${res.status}`);
    const text = await res.text();
    const checksum = sha256(text);
    // A server without ETags: fall back to comparing contents.
    if (!res.headers.get("etag") && checksum === previous.checksum) return { changed: false };
    return { changed: true, text, etag: res.headers.get("etag") ?? undefined, checksum };
  }
  if (input.kind === "file") {
    const text = await readFile(input.path, "utf8");
    const checksum = sha256(text);
    return checksum === previous.checksum ? { changed: false } : { changed: true, text, checksum };
  }
  const got = await getObject(input, previous.etag);
  return got.changed ? { changed: true, text: got.text, etag: got.etag, checksum: sha256(got.text) } : { changed: false };
}

/** Writes the report as one JSON document: atomically for a local file (readers never see half of it). */
export async function writeResults(output, report) {
  const text = `${JSON.stringify(report, null, 2)}\n`;
  if (output.kind === "file") {
    const partial = `${output.path}.${process.pid}.partial`;
    await writeFile(partial, text);
    await rename(partial, output.path);
    return;
  }
  await putObject(output, text);
}

/** The last report as written: read back from the file, so what is served is what was stored. */
export async function readResults(output, last) {
  if (output.kind === "file") {
    try {
      return await readFile(output.path, "utf8");
    } catch {
      return undefined;
    }
  }
  return last === undefined ? undefined : `${JSON.stringify(last, null, 2)}\n`;
}

function sha256(text) {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * CloudWatch custom metrics without an API call: Embedded Metric Format lines on stdout, which the
 * awslogs driver ships and CloudWatch turns into ResponseTime and Up per URL. The second, empty
 * dimension set also publishes both without dimensions, across all URLs: the minimum of that `Up` is
 * 0 in every period in which some URL failed, which is what the "a URL keeps failing" alarm watches
 * (the URLs come from the input file, so no alarm can name them in advance).
 */
export function metricLines(namespace, results, timestamp) {
  return results.map((r) =>
    JSON.stringify({
      _aws: {
        Timestamp: timestamp,
        CloudWatchMetrics: [{ Namespace: namespace, Dimensions: [["Url"], []], Metrics: [{ Name: "ResponseTime", Unit: "Milliseconds" }, { Name: "Up", Unit: "Count" }] }],
      },
      Url: r.url,
      ResponseTime: r.ms,
      Up: r.ok ? 1 : 0,
      Status: r.status,
    }),
  );
}
