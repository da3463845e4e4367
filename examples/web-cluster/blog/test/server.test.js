import assert from "node:assert/strict";
import { test } from "node:test";
import { findPost, indexPage, postPage, posts } from "../src/posts.js";
import { start } from "../server.js";

test("the index links every post under the base path", () => {
  const html = indexPage("/blog");
  for (const p of posts) assert.match(html, new RegExp(`href="/blog/posts/${p.slug}"`));
  assert.match(html, /href="\/blog\/static\/blog\.css"/);
});

test("a post's page escapes its text", () => {
  const html = postPage({ slug: "x", title: "<b>1 & 2</b>", body: "\"quoted\"" });
  assert.match(html, /&lt;b&gt;1 &amp; 2&lt;\/b&gt;/);
  assert.match(html, /&quot;quoted&quot;/);
  assert.equal(findPost("nope"), undefined);
});

test("the server serves the index, a post and the stylesheet under its base path, and 404 otherwise", async () => {
  const app = start({ HOST: "127.0.0.1", PORT: "0", BASE_PATH: "/blog" }, () => {});
  await new Promise((resolve) => app.servers[0].once("listening", resolve));
  const base = `http://127.0.0.1:${app.servers[0].address().port}`;
  try {
    assert.equal((await fetch(`${base}/blog/`)).status, 200);
    const post = await fetch(`${base}/blog/posts/${posts[0].slug}`);
    assert.match(await post.text(), new RegExp(posts[0].title));
    assert.equal((await fetch(`${base}/blog/static/blog.css`)).headers.get("content-type"), "text/css");
    assert.equal((await fetch(`${base}/blog/posts/missing`)).status, 404);
    assert.equal((await fetch(`${base}/health`)).status, 200);
    assert.match(await (await fetch(`${base}/metrics`)).text(), /route="\/posts",status="200"\} 1/);
  } finally {
    await app.close();
  }
});
