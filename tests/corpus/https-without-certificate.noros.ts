// expect: NOROS2080 8:28
import { host, loadBalancer, network, system } from "noros";

const net = network("net", { cidr: "10.0.0.0/16", publicSubnets: ["10.0.0.0/24", "10.0.1.0/24"] });
const web = host("web", { network: net, subnet: "public" });
const lb = loadBalancer("lb", {
  network: net,
  listeners: [{ port: 443, protocol: "https", forward: { to: [web], port: 8080 } }],
});

export default system("tls", { region: "eu-central-1", resources: [net, web, lb] });
