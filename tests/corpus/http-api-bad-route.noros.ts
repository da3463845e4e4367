// expect: NOROS2063 11:5
import { fn, httpApi, system } from "noros";

const start = fn("start", {
  source: "./functions/start",
  runtime: "nodejs20.x",
  handler: "index.handler",
});
const api = httpApi("api", {
  routes: {
    "start": start,
  },
});

export default system("functions", { region: "eu-central-1", resources: [api] });
