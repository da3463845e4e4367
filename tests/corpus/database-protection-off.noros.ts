// expect: NOROS2108 9:3
import { database, network, secret, system } from "noros";

const main = network("main", { cidr: "10.0.0.0/16", privateSubnets: ["10.0.1.0/24", "10.0.2.0/24"] });
const password = secret("app-password", { generate: {} });
const db = database("app", {
  network: main,
  databaseName: "app", appUser: { name: "app", password: password.value },
  deletionProtection: false as never,
});

export default system("protection-off", { region: "eu-central-1", resources: [main, db, password] });
