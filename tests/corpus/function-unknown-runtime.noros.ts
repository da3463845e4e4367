// expect: NOROS1005 6:3
import { fn, system } from "noros";

const reboot = fn("reboot", {
  source: "./functions/reboot",
  runtime: "nodejs14.x",
  handler: "index.handler",
});

export default system("functions", { region: "eu-central-1", resources: [reboot] });
