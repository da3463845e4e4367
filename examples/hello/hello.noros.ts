// The smallest useful system: a private, encrypted bucket and a topic that tells you when something happens.
import { bucket, system, topic } from "noros";

const site = bucket("site");
const news = topic("news", { emails: ["ops@example.com"] });

export default system("hello", {
  region: "eu-central-1",
  resources: [site, news],
  outputs: { site_bucket: site.bucketName },
});
