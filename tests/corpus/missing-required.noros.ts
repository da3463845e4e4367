// expect: NOROS2009 5:25
import { host, network, system } from "noros";

const main = network("main", { cidr: "10.0.0.0/16", privateSubnets: ["10.0.1.0/24"] });
const web = host("web", {} as never); void main;

export default system("required", { region: "eu-central-1", resources: [web] });
