// expect: NOROS2260 13:30
import { host, network, system, systemdService } from "noros";

const net = network("net", { cidr: "10.0.0.0/16", privateSubnets: ["10.0.1.0/24"] });
const web = host("web", {
  network: net,
  modules: [
    systemdService({
      name: "relay",
      description: "A relay",
      script: "exec relay",
      // The range is written backwards.
      ports: [{ port: 40000, toPort: 30000 }],
    }),
  ],
});

export default system("port-range", { region: "eu-west-1", resources: [web] });
