// The shop's catalogue and how it is shown: plain data and pure functions, tested without a server.
export const products = [
  { id: "mug", name: "Enamel mug", priceCents: 1200 },
  { id: "tote", name: "Canvas tote", priceCents: 1800 },
  { id: "cap", name: "Cotton cap", priceCents: 2200 },
];

export const price = (cents) => `€${(cents / 100).toFixed(2)}`;

const escape = (text) => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

/** The catalogue page; assets are referenced relative to the base path so they route through the ingress. */
export function page(basePath = "") {
  const base = basePath.replace(/\/+$/, "");
  const rows = products.map((p) => `<li data-id="${escape(p.id)}">${escape(p.name)} <span class="price">${price(p.priceCents)}</span></li>`).join("\n");
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Shop</title><link rel="stylesheet" href="${base}/static/app.css"></head>
<body><h1>Shop</h1><ul id="products">
${rows}
</ul><script src="${base}/static/app.js"></script></body>
</html>
`;
}
