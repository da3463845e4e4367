// expect: NOROS2125 8:14
import { cluster, network, system } from "noros";

const net = network("main", { cidr: "10.0.0.0/16", publicSubnets: ["10.0.0.0/24"], privateSubnets: ["10.0.10.0/24", "10.0.11.0/24"], natGateway: true });
const k8s = cluster("k8s", {
  network: net,
  nodeGroups: { main: { min: 1, max: 3 } },
  ingress: { nodeGroup: "core" },
});

export default system("groups", { region: "eu-central-1", resources: [net, k8s] });
