// expect: NOROS3002 10:14
import { host, network, system, text } from "noros";

const main = network("main", { cidr: "10.0.0.0/16", privateSubnets: ["10.0.1.0/24"] });
const web = host("web", { network: main });

export default system("missing", {
  region: "eu-central-1",
  resources: [main],
  outputs: { url: text`http://${web.privateIp}/` },
});
