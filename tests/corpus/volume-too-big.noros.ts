// expect: NOROS2042 6:41
import { host, network, system, volume } from "noros";

const main = network("main", { cidr: "10.0.0.0/16", privateSubnets: ["10.0.1.0/24"] });
const db = host("db", { network: main });
const data = volume("data", { host: db, sizeGb: 20000 });

export default system("volumes", { region: "eu-central-1", resources: [main, db, data] });
