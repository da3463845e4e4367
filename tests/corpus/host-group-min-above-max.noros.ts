// expect: NOROS2040 7:3
import { hostGroup, network, system } from "noros";

const main = network("main", { cidr: "10.0.0.0/16", privateSubnets: ["10.0.1.0/24"] });
const workers = hostGroup("workers", {
  network: main,
  min: 5,
  max: 3,
});

export default system("workers", { region: "eu-central-1", resources: [main, workers] });
