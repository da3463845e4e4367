// expect: NOROS3121 6:3
import { bucket, pipelines, system } from "noros";
const site = bucket("site");
const ci = pipelines("ci", {
  github: { repository: "acme/shop" },
  apply: true,
});
export default system("shop", { region: "eu-west-1", resources: [site, ci] });
