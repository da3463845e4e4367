// expect: NOROS2100 7:48
import { database, network, system } from "noros";

const main = network("main", { cidr: "10.0.0.0/16", privateSubnets: ["10.0.1.0/24", "10.0.2.0/24"] });
const db = database("app", {
  network: main,
  databaseName: "app", appUser: { name: "app", password: "hunter2" as never },
});

export default system("secret-literal", { region: "eu-central-1", resources: [main, db] });
