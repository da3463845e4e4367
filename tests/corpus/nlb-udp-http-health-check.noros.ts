// expect: NOROS2082 11:43
import { host, loadBalancer, network, system } from "noros";

const net = network("net", { cidr: "10.0.0.0/16", publicSubnets: ["10.0.0.0/24"] });
const game = host("game", { network: net, subnet: "public" });
const lb = loadBalancer("lb", {
  type: "network",
  network: net,
  listeners: [{
    port: 27015, protocol: "udp",
    forward: { to: [game], healthCheck: { protocol: "http", path: "/status" } },
  }],
});

export default system("game", { region: "eu-central-1", resources: [net, game, lb] });
