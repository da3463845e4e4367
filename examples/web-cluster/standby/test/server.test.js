import assert from "node:assert/strict";
import { once } from "node:events";
import { after, before, test } from "node:test";
import { start } from "../server.js";

let server;
let base;
before(async () => {
  server = start({ HOST: "127.0.0.1", PORT: "0" });
  await once(server, "listening");
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => server.close());

test("/health answers 200 for the load balancer", async () => {
  const res = await fetch(`${base}/health`);
  assert.equal(res.status, 200);
  assert.equal(await res.text(), "ok\n");
});

test("every other path answers 503 with the notice, uncached, and when to retry", async () => {
  for (const p of ["/", "/blog/posts/hello", "/api/products"]) {
    const res = await fetch(`${base}${p}`);
    assert.equal(res.status, 503);
    assert.equal(res.headers.get("retry-after"), "300");
    assert.equal(res.headers.get("cache-control"), "no-store");
    assert.match(await res.text(), /We are recovering/);
  }
});
