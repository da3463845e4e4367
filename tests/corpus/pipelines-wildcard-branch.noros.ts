// expect: NOROS2361 5:38
import { bucket, pipelines, system } from "noros";
const site = bucket("site");
const ci = pipelines("ci", {
  github: { repository: "acme/shop", branch: "feature/*" },
  apply: true,
});
export default system("shop", { region: "eu-west-1", backend: { s3: { bucket: "acme-tfstate", key: "shop/terraform.tfstate" } }, resources: [site, ci] });
