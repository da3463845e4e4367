import assert from "node:assert/strict";
import { test } from "node:test";
import { page, price, products } from "../src/catalogue.js";
import { localPath, requestCounter } from "../src/kit.js";
import { start } from "../server.js";

const listen = async (env) => {
  const app = start({ HOST: "127.0.0.1", PORT: "0", ...env }, () => {});
  await new Promise((resolve) => app.servers[0].once("listening", resolve));
  return { app, base: `http://127.0.0.1:${app.servers[0].address().port}` };
};

test("prices are euros with cents", () => {
  assert.equal(price(1200), "€12.00");
  assert.equal(price(5), "€0.05");
});

test("the page lists every product and links its assets under the base path", () => {
  const html = page("/shop/");
  for (const p of products) assert.match(html, new RegExp(`data-id="${p.id}"`));
  assert.match(html, /href="\/shop\/static\/app\.css"/);
});

test("paths are taken relative to the base path", () => {
  assert.equal(localPath("/shop/api/products", "/shop"), "/api/products");
  assert.equal(localPath("/shop", "/shop"), "/");
  assert.equal(localPath("/shopping", "/shop"), undefined);
  assert.equal(localPath("/x", ""), "/x");
});

test("the counter prints the Prometheus text format", () => {
  const c = requestCounter();
  c.inc("GET", "/", 200);
  c.inc("GET", "/", 200);
  assert.match(c.text(), /^http_requests_total\{method="GET",route="\/",status="200"\} 2$/m);
});

test("the server answers health, the API, assets and counts what it served", async () => {
  const { app, base } = await listen({});
  try {
    assert.equal((await fetch(`${base}/health`)).status, 200);
    const api = await fetch(`${base}/api/products`);
    assert.deepEqual(await api.json(), products);
    const css = await fetch(`${base}/static/app.css`);
    assert.equal(css.headers.get("content-type"), "text/css");
    assert.equal((await fetch(`${base}/nothing`)).status, 404);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    assert.match(metrics, /route="\/api\/products",status="200"\} 1/);
  } finally {
    await app.close();
  }
});

test("under a base path, the app answers there (and health at the root too)", async () => {
  const { app, base } = await listen({ BASE_PATH: "/shop" });
  try {
    assert.equal((await fetch(`${base}/shop/api/products`)).status, 200);
    assert.equal((await fetch(`${base}/api/products`)).status, 404);
    assert.equal((await fetch(`${base}/health`)).status, 200);
    assert.equal((await fetch(`${base}/shop/health`)).status, 200);
  } finally {
    await app.close();
  }
});
