// expect: NOROS3004 7:17
import { host, lazy, network, system, type Host } from "noros";

const main = network("main", { cidr: "10.0.0.0/16", privateSubnets: ["10.0.1.0/24"] });
// Each host is told the other's address when it boots, so neither can be created first.
const b: Host = host("b", { network: main, environment: { PEER: lazy(() => a.privateIp) } });
const a: Host = host("a", { network: main, environment: { PEER: b.privateIp } });

export default system("cyclic", { region: "eu-central-1", resources: [a, b] });
