// expect: NOROS2004 5:3
import { network, system } from "noros";

const main = network("main", {
  cidr: "10.0.0.300/16",
  privateSubnets: ["10.0.1.0/24"],
});

export default system("cidrs", { region: "eu-central-1", resources: [main] });
