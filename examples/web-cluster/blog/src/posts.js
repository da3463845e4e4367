// The blog's posts and pages: data and pure functions, tested without a server.
export const posts = [
  { slug: "hello-cluster", title: "Hello, cluster", body: "This blog runs on the main node group, behind the ingress on the core group." },
  { slug: "cache-headers", title: "Why the stylesheet is cached for a week", body: "The ingress sets Expires and Cache-Control on static assets, so browsers ask again only after a week." },
];

const escape = (text) => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
const layout = (base, title, body) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escape(title)}</title><link rel="stylesheet" href="${base}/static/blog.css"></head>
<body>${body}</body>
</html>
`;

export const findPost = (slug) => posts.find((p) => p.slug === slug);

export function indexPage(basePath = "") {
  const base = basePath.replace(/\/+$/, "");
  const items = posts.map((p) => `<li><a href="${base}/posts/${p.slug}">${escape(p.title)}</a></li>`).join("\n");
  return layout(base, "Blog", `<h1>Blog</h1><ul>\n${items}\n</ul>`);
}

export function postPage(post, basePath = "") {
  const base = basePath.replace(/\/+$/, "");
  return layout(base, post.title, `<article><h1>${escape(post.title)}</h1><p>${escape(post.body)}</p></article><a href="${base}/">All posts</a>`);
}
