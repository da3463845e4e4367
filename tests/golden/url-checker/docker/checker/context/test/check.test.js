import assert from "node:assert/strict";
import http from "node:http";
import { after, before, test } from "node:test";
import { checkAll, parseUrlList, report } from "../src/check.js";
import { fixtureServer } from "../support/fixture.js";

let fixture;
before(async () => (fixture = await fixtureServer()));
after(() => fixture.close());

test("checks every URL in parallel and keeps the list's order", async () => {
  const urls = ["/ok", "/missing", "/broken", "/moved", "/slow"].map((p) => fixture.base + p);
  const started = performance.now();
  const results = await checkAll(urls, { concurrency: 5, timeoutMs: 1000 });
  const elapsed = performance.now() - started;
  assert.deepEqual(
    results.map((r) => [r.url.slice(fixture.base.length), r.ok, r.status]),
    [["/ok", true, 200], ["/missing", false, 404], ["/broken", false, 500], ["/moved", true, 200], ["/slow", false, null]],
  );
  assert.match(results[4].error, /timed out after 1000 ms/);
  // In sequence the slow URL alone would take its full timeout after the others; in parallel the whole run is about one timeout.
  assert.ok(elapsed < 1900, `took ${elapsed} ms`);
  for (const r of results) assert.ok(Number.isInteger(r.ms) && r.ms >= 0);
});

test("reports an unreachable host as down with the reason", async () => {
  // A port that was free a moment ago: nothing listens there.
  const probe = http.createServer();
  await new Promise((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  const [result] = await checkAll([`http://127.0.0.1:${port}/`], { timeoutMs: 2000 });
  assert.equal(result.ok, false);
  assert.equal(result.status, null);
  assert.match(result.error, /ECONNREFUSED/);
});

test("summarises a run", () => {
  const body = report([{ url: "a", ok: true }, { url: "b", ok: false }], { startedAt: Date.UTC(2024, 0, 1), finishedAt: Date.UTC(2024, 0, 1) + 1234 });
  assert.deepEqual({ ...body, results: undefined }, { checkedAt: "2024-01-01T00:00:00.000Z", durationMs: 1234, total: 2, up: 1, down: 1, results: undefined });
});

test("reads a JSON list, an object with urls, or one URL per line, and refuses other schemes", () => {
  assert.deepEqual(parseUrlList('["https://a.example/"]'), ["https://a.example/"]);
  assert.deepEqual(parseUrlList('{"urls": ["http://b.example/x"]}'), ["http://b.example/x"]);
  assert.deepEqual(parseUrlList("# list\nhttps://a.example/\n\nhttp://b.example/\n"), ["https://a.example/", "http://b.example/"]);
  assert.throws(() => parseUrlList('["file:///etc/passwd"]'), /only http and https/);
  assert.throws(() => parseUrlList("not a url"), /Invalid URL/);
});
