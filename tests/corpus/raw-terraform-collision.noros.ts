// expect: NOROS4002 8:22
import { bucket, raw, system } from "noros";

const site = bucket("site");
const override = raw.terraform("override", {
  reason: "try to replace the generated bucket",
  resource: {
    aws_s3_bucket: { site: { bucket: "my-public-site" } },
  },
});

export default system("collide", { region: "eu-central-1", resources: [site, override] });
