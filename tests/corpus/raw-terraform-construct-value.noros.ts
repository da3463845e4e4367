// expect: NOROS2352 7:13
import { bucket, raw, system } from "noros";

const site = bucket("site");
const named = raw.terraform("named", {
  reason: "expose the bucket name",
  locals: { site_name: site as never },
});

export default system("rawvalue", { region: "eu-central-1", resources: [site, named] });
