// The smallest useful system: a private, encrypted bucket, a topic that tells you when something happens,
// and a static web service (built into an image from ./web, tested locally by `noros test`).
import { bucket, service, system, topic } from "noros";

const site = bucket("site");
const news = topic("news", { emails: ["ops@example.com"] });
const web = service("web", {
  source: "./web",
  runtime: "static",
  port: 8080,
  healthCheck: { path: "/health" },
});

export default system("hello", {
  region: "eu-central-1",
  resources: [site, news, web],
  outputs: { site_bucket: site.bucketName },
});
