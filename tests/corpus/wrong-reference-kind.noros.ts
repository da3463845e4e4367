// expect: NOROS2010 6:3
import { bucket, host, system, topic } from "noros";

const alerts = topic("alerts");
const web = host("web", {
  network: alerts as never,
});

export default system("kinds", { region: "eu-central-1", resources: [web, bucket("b")] });
