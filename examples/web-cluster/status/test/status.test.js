import assert from "node:assert/strict";
import http from "node:http";
import { test } from "node:test";
import { parseTargets, report } from "../src/probe.js";
import { start } from "../server.js";

const listening = (server) => new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${server.address().port}`)));

test("targets are a comma-separated list", () => {
  assert.deepEqual(parseTargets(" https://a/health, https://b/health ,"), ["https://a/health", "https://b/health"]);
  assert.deepEqual(parseTargets(undefined), []);
});

test("a report counts healthy targets and names what failed", async () => {
  const up = http.createServer((_req, res) => res.end("ok"));
  const down = http.createServer((_req, res) => { res.statusCode = 500; res.end(); });
  const [a, b] = await Promise.all([listening(up), listening(down)]);
  try {
    const r = await report([a, b, "http://127.0.0.1:1/"]);
    assert.equal(r.total, 3);
    assert.equal(r.up, 1);
    assert.equal(r.results[1].status, 500);
    assert.equal(r.results[2].ok, false);
  } finally {
    up.close();
    down.close();
  }
});

test("a TLS target that does not answer is down, not an error of the app", async () => {
  const r = await report(["https://127.0.0.1:1/health"], { timeoutMs: 500 });
  assert.equal(r.up, 0);
  assert.equal(r.results[0].error, "ECONNREFUSED");
});

test("the app answers 200 when every target is up, 503 otherwise", async () => {
  const up = http.createServer((_req, res) => res.end("ok"));
  const target = await listening(up);
  const ok = start({ HOST: "127.0.0.1", PORT: "0", TARGETS: target }, () => {});
  const bad = start({ HOST: "127.0.0.1", PORT: "0", TARGETS: `${target},http://127.0.0.1:1/` }, () => {});
  await Promise.all([ok, bad].map((a) => new Promise((resolve) => a.servers[0].once("listening", resolve))));
  try {
    assert.equal((await fetch(`http://127.0.0.1:${ok.servers[0].address().port}/`)).status, 200);
    assert.equal((await fetch(`http://127.0.0.1:${bad.servers[0].address().port}/`)).status, 503);
  } finally {
    up.close();
    await ok.close();
    await bad.close();
  }
});
