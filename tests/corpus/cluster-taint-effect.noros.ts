// expect: NOROS2124 8:57
import { cluster, network, system } from "noros";

const net = network("main", { cidr: "10.0.0.0/16", publicSubnets: ["10.0.0.0/24"], privateSubnets: ["10.0.10.0/24", "10.0.11.0/24"], natGateway: true });
const k8s = cluster("k8s", {
  network: net,
  nodeGroups: {
    core: { taints: [{ key: "dedicated", value: "core", effect: "NoScheduel" }] },
  },
});

export default system("taint", { region: "eu-central-1", resources: [net, k8s] });
