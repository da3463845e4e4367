// expect: NOROS2005 6:35
import { network, system } from "noros";

const main = network("main", {
  cidr: "10.0.0.0/16",
  privateSubnets: ["10.0.1.0/24", "10.1.0.0/24"],
});

export default system("subnets", { region: "eu-central-1", resources: [main] });
