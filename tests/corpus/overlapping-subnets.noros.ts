// expect: NOROS2007 7:20
import { network, system } from "noros";

const main = network("main", {
  cidr: "10.0.0.0/16",
  publicSubnets: ["10.0.0.0/23"],
  privateSubnets: ["10.0.1.0/24"],
});

export default system("overlap", { region: "eu-central-1", resources: [main] });
