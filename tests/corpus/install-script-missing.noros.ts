// expect: NOROS3110 7:3
import { host, network, system } from "noros";

const net = network("net", { cidr: "10.0.0.0/16", privateSubnets: ["10.0.1.0/24"] });
const web = host("web", {
  network: net,
  install: "./no-such-install.sh",
});

export default system("install-missing", { region: "eu-west-1", resources: [web] });
