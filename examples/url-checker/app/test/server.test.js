import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { start } from "../server.js";
import { fixtureServer } from "../support/fixture.js";

let fixture;
let dir;
before(async () => {
  fixture = await fixtureServer();
  dir = await mkdtemp(path.join(tmpdir(), "url-checker-"));
});
after(async () => {
  await fixture.close();
  await rm(dir, { recursive: true, force: true });
});

async function until(check, ms = 10_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

test("writes every result to one JSON file, serves it, and downloads the list again only when it changed", async () => {
  const results = path.join(dir, "results.json");
  const lines = [];
  const app = start(
    { HOST: "127.0.0.1", PORT: "0", INPUT_URL: `${fixture.base}/urls.json`, RESULTS_FILE: results, CHECK_INTERVAL_S: "0.2", CHECK_TIMEOUT_MS: "500", METRICS_NAMESPACE: "test" },
    (line) => lines.push(line),
  );
  try {
    const port = await app.ready;
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    assert.equal(health.status, 200);

    const served = await until(async () => {
      const res = await fetch(`http://127.0.0.1:${port}/results`);
      return res.status === 200 ? res.json() : undefined;
    });
    assert.equal(served.total, 5);
    assert.deepEqual(served.results.map((r) => r.status), [200, 404, 500, 200, null]);
    assert.deepEqual(JSON.parse(await readFile(results, "utf8")), served);
    assert.ok(lines.some((l) => l.includes('"Namespace":"test"') && l.includes('"ResponseTime"')));

    // Several more runs: the list is asked for each time, but only downloaded once (304 after).
    await until(() => lines.filter((l) => l.startsWith("checked 5 URLs")).length >= 3);
    assert.equal(lines.filter((l) => l.startsWith("input changed")).length, 1);
    assert.ok(fixture.listRequests >= 3);

    fixture.setList([`${fixture.base}/ok`], '"v2"');
    await until(() => lines.some((l) => l.startsWith("input changed: 1 URLs")));
    await until(async () => JSON.parse(await readFile(results, "utf8")).total === 1);
  } finally {
    await app.stop();
  }
});

test("refuses to start without an input or an output", () => {
  assert.throws(() => start({ RESULTS_FILE: "/tmp/x" }), /no input/);
  assert.throws(() => start({ INPUT_FILE: "/tmp/x" }), /no output/);
});

test("serves the results only with the bearer token when RESULTS_TOKEN is set", async () => {
  const token = "test-token-not-a-real-secret";
  const app = start(
    { HOST: "127.0.0.1", PORT: "0", INPUT_URL: `${fixture.base}/urls.json`, RESULTS_FILE: path.join(dir, "guarded.json"), CHECK_INTERVAL_S: "0.2", CHECK_TIMEOUT_MS: "500", RESULTS_TOKEN: token },
    () => {},
  );
  try {
    const port = await app.ready;
    const results = (authorization) => fetch(`http://127.0.0.1:${port}/results`, { headers: authorization ? { authorization } : {} });
    const denied = await results(undefined);
    assert.equal(denied.status, 401);
    assert.equal(denied.headers.get("www-authenticate"), "Bearer");
    assert.equal((await results(`Bearer ${token}x`)).status, 401);
    const served = await until(async () => {
      const res = await results(`Bearer ${token}`);
      return res.status === 200 ? res.json() : undefined;
    });
    // The list is the fixture's current one (the test above shortened it).
    assert.ok(served.total >= 1);
    // Health stays open: the load balancer and noros test probe it without the token.
    assert.equal((await fetch(`http://127.0.0.1:${port}/health`)).status, 200);
  } finally {
    await app.stop();
  }
});
