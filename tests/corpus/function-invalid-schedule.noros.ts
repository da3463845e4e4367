// expect: NOROS2062 7:53
import { fn, system } from "noros";

const tick = fn("tick", {
  source: "./functions/tick",
  runtime: "nodejs20.x",
  handler: "index.handler", triggers: { schedules: ["cron(0 3 * * * *)"] },
});

export default system("functions", { region: "eu-central-1", resources: [tick] });
