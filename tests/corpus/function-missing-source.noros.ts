// expect: NOROS3050 6:3
import { fn, system } from "noros";

// The source directory is resolved beside this file: there is no ./functions/reboot here.
const reboot = fn("reboot", {
  source: "./functions/reboot",
  runtime: "nodejs20.x",
  handler: "index.handler",
});

export default system("functions", { region: "eu-central-1", resources: [reboot] });
