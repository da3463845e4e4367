// expect: NOROS2006 7:15
import { host, network, system } from "noros";

const main = network("main", { cidr: "10.0.0.0/16", privateSubnets: ["10.0.1.0/24"] });
const web = host("web", {
  network: main,
  ingress: [{ port: 70000, from: "10.0.0.0/16" }],
});

export default system("ports", { region: "eu-central-1", resources: [web] });
