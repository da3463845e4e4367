// expect: NOROS2000 8:18
import { service, system } from "noros";

const web = service("web", {
  source: "./web",
  runtime: "static",
  port: 8080,
  environment: { GREETING: "hello\nworld" },
  healthCheck: { path: "/health" },
});

export default system("corpus", { region: "eu-central-1", resources: [web] });
