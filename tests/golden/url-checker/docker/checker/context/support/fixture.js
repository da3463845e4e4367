// A loopback server with a URL for every outcome: up, missing, failing, slow, redirected.
import http from "node:http";

export async function fixtureServer() {
  let listEtag = '"v1"';
  let list = undefined;
  let listRequests = 0;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    if (url.pathname === "/ok") return res.end("fine");
    if (url.pathname === "/missing") return res.writeHead(404).end("nope");
    if (url.pathname === "/broken") return res.writeHead(500).end("boom");
    if (url.pathname === "/moved") return res.writeHead(302, { location: "/ok" }).end();
    if (url.pathname === "/slow") return setTimeout(() => res.end("late"), 2000);
    if (url.pathname === "/urls.json") {
      listRequests++;
      if (req.headers["if-none-match"] === listEtag) return res.writeHead(304).end();
      return res.writeHead(200, { etag: listEtag, "content-type": "application/json" }).end(JSON.stringify(list));
    }
    res.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  list = ["/ok", "/missing", "/broken", "/moved", "/slow"].map((p) => base + p);
  return {
    base,
    get listRequests() {
      return listRequests;
    },
    setList(urls, etag) {
      list = urls;
      listEtag = etag;
    },
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}
