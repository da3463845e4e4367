import assert from "node:assert/strict";
import { createServer } from "node:http";
import { after, before, test } from "node:test";
import { handler } from "../server.js";

let base;
const server = createServer(handler);
before(async () => {
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => server.close());

test("/health answers ok", async () => {
  const response = await fetch(`${base}/health`);
  assert.equal(response.status, 200);
  assert.equal(await response.text(), "ok\n");
});

test("unknown paths are 404", async () => {
  assert.equal((await fetch(`${base}/nope`)).status, 404);
});
