import assert from "node:assert/strict";
import { test } from "node:test";
import { metricLines } from "../src/io.js";

test("writes one EMF line per URL, per URL and across all URLs (the alarm's series)", () => {
  const [ok, down] = metricLines("url-checker", [
    { url: "https://a.example/", ms: 12, ok: true, status: 200 },
    { url: "https://b.example/", ms: 5000, ok: false, status: null },
  ], 1700000000000).map((line) => JSON.parse(line));
  assert.deepEqual(ok._aws.CloudWatchMetrics[0].Dimensions, [["Url"], []]);
  assert.equal(ok._aws.CloudWatchMetrics[0].Namespace, "url-checker");
  assert.deepEqual([ok.Url, ok.Up, down.Url, down.Up], ["https://a.example/", 1, "https://b.example/", 0]);
});
