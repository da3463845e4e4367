// expect: NOROS4001 9:40
import { bucket, raw, system } from "noros";

const site = bucket("site");
const notify = raw.terraform("notify", {
  reason: "S3 events to EventBridge are not in the DSL yet",
  resource: {
    aws_s3_bucket_notification: {
      site: { bucket: site.bucketName, event_bridge: true },
    },
  },
});

export default system("rawschema", { region: "eu-central-1", resources: [site, notify] });
